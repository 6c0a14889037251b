/**
 * The head of a raw HTTP/1.x message as a proxy saved it: start line and
 * header fields, tolerant of what real captures contain (bare LF line ends,
 * obs-fold continuation lines, repeated headers, a missing blank line).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import type { Header } from '../../model/index.js';
import type { HeaderInterner } from '../intern.js';

const LF = 0x0a;
const CR = 0x0d;

/** A head larger than this is not a head; the rest is treated as body. */
export const MAX_HEAD_BYTES = 256 * 1024;

export interface HttpHead {
  startLine: string;
  /** In wire order; repeated headers stay separate entries. */
  headers: Header[];
  /** Offset of the first body byte in the message buffer. */
  bodyStart: number;
  problems: string[];
}

/** Finds where the head ends: the offset just past the blank line, or -1. */
function findHeadEnd(buf: Buffer, from: number, limit: number): number {
  let pos = from;
  while (pos < limit) {
    const lf = buf.indexOf(LF, pos);
    if (lf === -1 || lf >= limit) return -1;
    // A blank line is LF directly after the previous LF, or CR LF after it.
    if (lf === from || buf[lf - 1] === LF || (buf[lf - 1] === CR && lf - 1 > from && buf[lf - 2] === LF)) {
      return lf + 1;
    }
    pos = lf + 1;
  }
  return -1;
}

/** Header bytes are opaque octets; show them as UTF-8 when they are valid UTF-8, else byte-for-byte. */
function decodeHeadBytes(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
}

/** `interner`: shares equal headers with earlier messages of the same trace. */
export function parseHead(buf: Buffer, interner?: HeaderInterner): HttpHead {
  const problems: string[] = [];
  let start = 0;
  // RFC 9112 §2.2: a recipient should ignore empty lines before the start line.
  while (start < buf.length && (buf[start] === CR || buf[start] === LF)) start++;

  const limit = Math.min(buf.length, start + MAX_HEAD_BYTES);
  let headEnd = findHeadEnd(buf, start, limit);
  if (headEnd === -1) {
    if (buf.length - start > MAX_HEAD_BYTES) {
      problems.push('header section too long');
      headEnd = limit;
    } else {
      // Saved without the blank line (truncated capture, or a message with no body).
      headEnd = buf.length;
    }
  }
  const bytes = buf.subarray(start, headEnd);
  // Almost every head is ASCII: read it straight from the bytes, each name and value its own
  // small string (a value cut from one big head string would keep the whole head in memory).
  const lines = isAscii(bytes) ? asciiHeadLines(bytes) : headLines(decodeHeadBytes(bytes));
  if (lines.malformed > 0) problems.push(`${lines.malformed} malformed header line${lines.malformed === 1 ? '' : 's'} skipped`);
  const headers = lines.headers;
  // Only now: obs-fold lines may still have changed a value.
  if (interner) for (let i = 0; i < headers.length; i++) headers[i] = interner.adopt(headers[i]!);
  return { startLine: lines.startLine, headers, bodyStart: headEnd, problems };
}

interface HeadLines {
  startLine: string;
  headers: Header[];
  malformed: number;
}

/** Start line and fields of a head already decoded to text. */
export function headLines(text: string): HeadLines {
  const lines = text.split('\n');
  const startLine = own(stripCr(lines[0] ?? ''));
  const headers: Header[] = [];
  let malformed = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = stripCr(lines[i]!);
    if (line === '') continue;
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      // obs-fold (RFC 9112 §5.2): the line continues the previous field value.
      const prev = headers[headers.length - 1];
      if (prev) prev.value = own(prev.value === '' ? line.trim() : `${prev.value} ${line.trim()}`);
      else malformed++;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      malformed++;
      continue;
    }
    headers.push({ name: own(line.slice(0, colon).trim()), value: own(line.slice(colon + 1).trim()) });
  }
  return { startLine, headers, malformed };
}

/** The same as `headLines(bytes.toString('latin1'))` for ASCII bytes, without the big string. */
export function asciiHeadLines(bytes: Buffer): HeadLines {
  const end = bytes.length;
  let lineEnd = bytes.indexOf(LF);
  if (lineEnd < 0) lineEnd = end;
  const startLine = bytes.toString('latin1', 0, withoutCr(bytes, 0, lineEnd));
  const headers: Header[] = [];
  let malformed = 0;
  // Each pass moves past one line.
  for (let pos = lineEnd + 1; pos < end; pos = lineEnd + 1) {
    lineEnd = bytes.indexOf(LF, pos);
    if (lineEnd < 0) lineEnd = end;
    const e = withoutCr(bytes, pos, lineEnd);
    if (e === pos) continue;
    const first = bytes[pos];
    if (first === 0x20 || first === 0x09) {
      const prev = headers[headers.length - 1];
      if (!prev) malformed++;
      else {
        const more = trimmed(bytes, pos, e);
        prev.value = prev.value === '' ? more : `${prev.value} ${more}`;
      }
      continue;
    }
    const colon = bytes.indexOf(0x3a, pos);
    if (colon < 0 || colon >= e || colon === pos) {
      malformed++;
      continue;
    }
    headers.push({ name: trimmed(bytes, pos, colon), value: trimmed(bytes, colon + 1, e) });
  }
  return { startLine, headers, malformed };
}

/** End of the line's content: one CR before the LF is not part of it. */
function withoutCr(bytes: Buffer, from: number, lf: number): number {
  return lf > from && bytes[lf - 1] === CR ? lf - 1 : lf;
}

/** ASCII whitespace as String.prototype.trim sees it: TAB, LF, VT, FF, CR, space. */
function isTrimmed(b: number | undefined): boolean {
  return b === 0x20 || (b !== undefined && b >= 0x09 && b <= 0x0d);
}

function trimmed(bytes: Buffer, from: number, to: number): string {
  let s = from;
  let e = to;
  while (s < e && isTrimmed(bytes[s])) s++;
  while (e > s && isTrimmed(bytes[e - 1])) e--;
  return bytes.toString('latin1', s, e);
}

/** A copy of a string cut from a larger one, so that keeping it does not keep the larger one alive. */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function stripCr(line: string): string {
  return line.length > 0 && line.charCodeAt(line.length - 1) === 0x0d ? line.slice(0, -1) : line;
}
