/**
 * Turning a cut medium literal into a string or bytes, checking on the way that it
 * really is one JSON string literal (a fast line-based guess may have been wrong).
 */
import { isAscii } from 'node:buffer';
import { BACKSLASH, QUOTE } from '../scan/byte-classes.js';
import type { CutString } from './cut-strings.js';
import { bytesToString } from '../text-bytes.js';

type MediumCut = Extract<CutString, { kind: 'medium' }>;

/** A cut literal that is not one well-formed JSON string. */
export class LiteralError extends Error {
  constructor(readonly offset: number) {
    super(`not a well-formed JSON string literal at byte ${offset}`);
  }
}

/** True when no quote appears between the literal's own quotes (a single memchr). */
export function hasNoInnerQuote(literal: Buffer): boolean {
  return literal.indexOf(QUOTE, 1) === literal.length - 1;
}

/** Every quote inside the literal is escaped (an odd run of backslashes before it). */
export function innerQuotesEscaped(literal: Buffer): boolean {
  const last = literal.length - 1;
  for (let q = literal.indexOf(QUOTE, 1); q >= 0 && q < last; q = literal.indexOf(QUOTE, q + 1)) {
    let j = q - 1;
    while (literal[j] === BACKSLASH) j--;
    if (((q - 1 - j) & 1) === 0) return false;
  }
  return true;
}

/** Makes sure the cut is one literal; throws LiteralError otherwise. */
export function verifyCut(cut: MediumCut): void {
  if (cut.verified) return;
  if (!innerQuotesEscaped(cut.literal)) throw new LiteralError(cut.offset);
  cut.verified = true;
}

const UNICODE_ESCAPE = Buffer.from('\\u', 'latin1');

/** The decoded string and its UTF-8 byte length. */
export function mediumText(cut: MediumCut): { text: string; bytes: number } {
  const literal = cut.literal;
  if (literal.indexOf(BACKSLASH) < 0) {
    if (!cut.verified && !hasNoInnerQuote(literal)) throw new LiteralError(cut.offset);
    cut.verified = true;
    return { text: bytesToString(literal, 1, literal.length - 1), bytes: literal.length - 2 };
  }
  const ascii = isAscii(literal);
  let text: string;
  try {
    text = JSON.parse(literal.toString(ascii ? 'latin1' : 'utf8')) as string;
  } catch {
    throw new LiteralError(cut.offset);
  }
  if (typeof text !== 'string') throw new LiteralError(cut.offset);
  cut.verified = true;
  // ASCII escapes other than \u decode to ASCII: one byte per character, no need to count.
  const bytes = ascii && literal.indexOf(UNICODE_ESCAPE) < 0 ? text.length : Buffer.byteLength(text, 'utf8');
  return { text, bytes };
}

/** The literal's content decoded from base64, without a UTF-16 copy when it has no escapes. */
export function mediumBase64Bytes(cut: MediumCut): Buffer {
  const literal = cut.literal;
  if (literal.indexOf(BACKSLASH) < 0) {
    verifyCut(cut);
    return Buffer.from(literal.toString('latin1', 1, literal.length - 1), 'base64');
  }
  return Buffer.from(mediumText(cut).text, 'base64');
}
