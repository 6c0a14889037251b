/**
 * The head of a raw HTTP/1.x message as a proxy saved it: start line and
 * header fields, tolerant of what real captures contain (bare LF line ends,
 * obs-fold continuation lines, repeated headers, a missing blank line).
 */
import { isUtf8 } from 'node:buffer';
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
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
  }
  return bytes.toString('latin1');
}

/** `interner`: shares equal headers with earlier messages of the same trace. */
export function parseHead(buf: Buffer, interner?: HeaderInterner): HttpHead {
  const problems: string[] = [];
  let start = 0;
  // RFC 9112 §2.2: a recipient should ignore empty lines before the start line.
  while (start < buf.length && (buf[start] === CR || buf[start] === LF)) start++;

  const limit = Math.min(buf.length, start + MAX_HEAD_BYTES);
  let headEnd = findHeadEnd(buf, start, limit);
  let bodyStart: number;
  if (headEnd === -1) {
    if (buf.length - start > MAX_HEAD_BYTES) {
      problems.push('header section too long');
      headEnd = limit;
    } else {
      // Saved without the blank line (truncated capture, or a message with no body).
      headEnd = buf.length;
    }
    bodyStart = headEnd;
  } else {
    bodyStart = headEnd;
  }

  const lines = decodeHeadBytes(buf.subarray(start, headEnd)).split('\n');
  const startLine = stripCr(lines[0] ?? '');
  const headers: Header[] = [];
  let malformed = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = stripCr(lines[i]!);
    if (line === '') continue;
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      // obs-fold (RFC 9112 §5.2): the line continues the previous field value.
      const prev = headers[headers.length - 1];
      if (prev) prev.value = prev.value === '' ? line.trim() : `${prev.value} ${line.trim()}`;
      else malformed++;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      malformed++;
      continue;
    }
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  if (malformed > 0) problems.push(`${malformed} malformed header line${malformed === 1 ? '' : 's'} skipped`);
  // Only now: obs-fold lines above may still have changed a value.
  if (interner) for (let i = 0; i < headers.length; i++) headers[i] = interner.adopt(headers[i]!);
  return { startLine, headers, bodyStart, problems };
}

function stripCr(line: string): string {
  return line.length > 0 && line.charCodeAt(line.length - 1) === 0x0d ? line.slice(0, -1) : line;
}
