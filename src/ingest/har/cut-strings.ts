/**
 * Long string literals are cut out of an entry's bytes before `JSON.parse`, and a
 * short placeholder string stands in for each. Medium ones keep their raw literal
 * bytes (materialized only if the normalizer needs them: a binary body never is);
 * large ones keep only what the streaming scan found and where they are in the file.
 */
import { BACKSLASH } from '../scan/byte-classes.js';
import type { LargeStringScan } from './large-string.js';

export type CutString =
  /** The literal's bytes, quotes included, and its file offset. */
  | { kind: 'medium'; literal: Buffer; offset: number }
  /** `offset`/`length` cover the literal in the file, quotes included. */
  | { kind: 'large'; offset: number; length: number; scan: LargeStringScan };

/** Placeholders carry a per-file nonce so that no real string can be mistaken for one. */
export class CutRegistry {
  private readonly prefix: string;

  constructor(nonce: string) {
    this.prefix = `\u0000#${nonce}#`;
  }

  /** The placeholder literal (JSON bytes) for cut number `n`. */
  placeholder(n: number): Buffer {
    return Buffer.from(`"\\u0000#${this.prefix.slice(2)}${n}"`, 'latin1');
  }

  /** The cut a parsed value stands for, if it is a placeholder. */
  lookup(value: unknown, cuts: readonly CutString[]): CutString | undefined {
    if (typeof value !== 'string' || value.charCodeAt(0) !== 0 || !value.startsWith(this.prefix)) return undefined;
    return cuts[Number(value.slice(this.prefix.length))];
  }
}

export function mediumText(literal: Buffer): string {
  if (literal.indexOf(BACKSLASH) < 0) return literal.toString('utf8', 1, literal.length - 1);
  return JSON.parse(literal.toString('utf8')) as string;
}

/** The literal's content as base64 text, without building a UTF-16 copy when it has no escapes. */
export function mediumBase64Bytes(literal: Buffer): Buffer {
  if (literal.indexOf(BACKSLASH) < 0) return Buffer.from(literal.toString('latin1', 1, literal.length - 1), 'base64');
  return Buffer.from(JSON.parse(literal.toString('utf8')) as string, 'base64');
}
