/**
 * Fast path for pretty-printed HARs (what every mainstream exporter writes). A raw
 * newline can only be whitespace between JSON tokens, never part of a string, so:
 * an entry ends at the first line holding only its own indentation and `}`; and a
 * long string sits alone on its line as `"key": "value",`. Finding both takes a
 * few `indexOf` calls per line instead of a byte-by-byte walk through every string.
 *
 * It is a guess that the later steps check: the entry must parse as JSON, and every
 * cut literal must turn out to be one string (its inner quotes escaped). When a
 * guess fails, the reader scans the entry again strictly.
 */
import { BACKSLASH, QUOTE } from '../scan/byte-classes.js';
import type { CutRegistry, CutString } from './cut-strings.js';
import { LargeStringSink } from './large-string.js';
import { hasNoInnerQuote } from './literal-text.js';
import { bytesToString } from '../text-bytes.js';
import type { CapturedValue, StringLimits } from './value-scanner.js';

/** Keys are short; a longer first string means this line is not `"key": "value"`. */
const MAX_KEY_BYTES = 256;

/**
 * `\n` + the indentation before an entry's `{`, plus `}`: the entry's closing line.
 * Null when the entry does not start a line (compact JSON); undefined when the
 * line start is in an earlier chunk (ask again at the next entry).
 */
export function closingLine(chunk: Buffer, open: number): Buffer | null | undefined {
  let i = open - 1;
  while (i >= 0 && (chunk[i] === 0x20 || chunk[i] === 0x09)) i--;
  if (i < 0) return undefined;
  if (chunk[i] !== 0x0a) return null;
  return Buffer.concat([chunk.subarray(i, open), Buffer.from('}')]);
}

/** The entry at `open` is indented like the first one (same closing line prefix). */
export function sameIndent(chunk: Buffer, open: number, close: Buffer): boolean {
  const indentStart = open - (close.length - 1);
  if (indentStart < 0) return false;
  for (let i = 0; i < close.length - 1; i++) if (chunk[indentStart + i] !== close[i]) return false;
  return true;
}

/**
 * The entry starting at `start` (its `{`) if it ends within this chunk and every
 * long line has the expected shape; null means "scan this one strictly".
 */
export function scanPrettyEntry(
  chunk: Buffer,
  start: number,
  chunkOffset: number,
  close: Buffer,
  limits: StringLimits,
  registry: CutRegistry,
): { value: CapturedValue; end: number } | null {
  // One pass over the lines: find long values and the entry's closing line.
  const literals: number[] = [];
  let end = -1;
  for (let lineStart = start; end < 0; ) {
    const nl = chunk.indexOf(0x0a, lineStart);
    if (nl < 0) return null;
    if (nl - lineStart >= limits.mediumStringBytes) {
      const literal = lineLiteral(chunk, lineStart, nl);
      if (!literal) return null;
      if (literal[1] + 1 - literal[0] >= limits.mediumStringBytes) literals.push(literal[0], literal[1] + 1);
    }
    if (startsWithAt(chunk, nl, close)) end = nl + close.length;
    lineStart = nl + 1;
  }
  // Only now, knowing the whole entry is here, do the (possibly long) work on large values.
  const parts: Buffer[] = [];
  const cuts: CutString[] = [];
  let seg = start;
  for (let i = 0; i < literals.length; i += 2) {
    const v = literals[i]!;
    const after = literals[i + 1]!;
    const cut = cutAt(chunk, v, after, chunkOffset, limits);
    if (!cut) return null;
    parts.push(chunk.subarray(seg, v));
    cuts.push(cut);
    parts.push(registry.placeholder(cuts.length - 1));
    seg = after;
  }
  parts.push(chunk.subarray(seg, end));
  const text = bytesToString(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
  return { value: { text, cuts, start: chunkOffset + start, end: chunkOffset + end, guessed: true }, end };
}

function startsWithAt(chunk: Buffer, at: number, lit: Buffer): boolean {
  const last = lit.length - 1;
  if (chunk[at + last] !== lit[last]) return false;
  for (let i = 0; i < last; i++) if (chunk[at + i] !== lit[i]) return false;
  return true;
}

function cutAt(chunk: Buffer, v: number, after: number, chunkOffset: number, limits: StringLimits): CutString | null {
  const offset = chunkOffset + v;
  if (after - v - 2 > limits.largeStringBytes) {
    const sink = new LargeStringSink(undefined, limits.scanner, true);
    sink.push(chunk.subarray(v + 1, after - 1));
    const scan = sink.end();
    return scan.invalid ? null : { kind: 'large', offset, length: after - v, scan };
  }
  const literal = chunk.subarray(v, after);
  return { kind: 'medium', literal, offset, verified: hasNoInnerQuote(literal) };
}

/** [opening quote, closing quote] of the one string value on this line, if it has that shape. */
function lineLiteral(chunk: Buffer, lineStart: number, nl: number): [number, number] | null {
  let e = nl;
  if (chunk[e - 1] === 0x0d) e--;
  if (chunk[e - 1] === 0x2c) e--;
  const c = e - 1;
  if (chunk[c] !== QUOTE || c <= lineStart) return null;
  let j = c - 1;
  while (chunk[j] === BACKSLASH) j--;
  if (((c - 1 - j) & 1) === 1) return null;
  let p = lineStart;
  while (chunk[p] === 0x20 || chunk[p] === 0x09) p++;
  if (chunk[p] !== QUOTE) return null;
  const first = shortStringEnd(chunk, p + 1, Math.min(c, p + 1 + MAX_KEY_BYTES));
  if (first === c) return [p, c];
  if (first < 0) return null;
  let q = first + 1;
  while (chunk[q] === 0x20 || chunk[q] === 0x09) q++;
  if (chunk[q] !== 0x3a) return null;
  q++;
  while (chunk[q] === 0x20 || chunk[q] === 0x09) q++;
  return chunk[q] === QUOTE && q < c ? [q, c] : null;
}

/** Closing quote of a string whose content starts at `from`, searched up to `limit` (inclusive); -1 if not there. */
function shortStringEnd(chunk: Buffer, from: number, limit: number): number {
  let run = 0;
  for (let i = from; i <= limit; i++) {
    const b = chunk[i];
    if (b === QUOTE) {
      if ((run & 1) === 0) return i;
      run = 0;
    } else if (b === BACKSLASH) run++;
    else run = 0;
  }
  return -1;
}
