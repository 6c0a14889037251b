/**
 * Undoes `Transfer-Encoding: chunked` (RFC 9112 §7.1) on a body saved as it
 * crossed the wire. Chunk extensions are ignored, trailer fields returned.
 * Real captures contain bodies that announce chunked but are not framed
 * (hand-made SAZ files, proxies that saved the de-chunked body): those are
 * recognised up front and left alone.
 */
import type { Header } from '../../model/index.js';

const LF = 0x0a;
const CR = 0x0d;
const HEX = /^[0-9a-fA-F]{1,12}$/;

export interface Dechunked {
  body: Buffer;
  trailers: Header[];
  problem?: string;
}

interface SizeLine {
  size: number;
  next: number;
}

/** Reads `1a;ext=1\r\n`; undefined when the line is not a chunk-size line. */
function readSizeLine(raw: Buffer, pos: number): SizeLine | undefined {
  const lf = raw.indexOf(LF, pos);
  if (lf === -1 || lf - pos > 4096) return undefined;
  const line = raw.toString('latin1', pos, lf);
  const semi = line.indexOf(';');
  const sizeText = (semi === -1 ? line : line.slice(0, semi)).trim();
  if (!HEX.test(sizeText)) return undefined;
  return { size: parseInt(sizeText, 16), next: lf + 1 };
}

/** Offset after the CRLF (or bare LF) ending a chunk's data, or -1 when it is missing. */
function skipLineEnd(raw: Buffer, pos: number): number {
  if (raw[pos] === CR && raw[pos + 1] === LF) return pos + 2;
  if (raw[pos] === LF) return pos + 1;
  return -1;
}

function readTrailers(raw: Buffer, pos: number): Header[] {
  const trailers: Header[] = [];
  let at = pos;
  while (at < raw.length) {
    const lf = raw.indexOf(LF, at);
    const end = lf === -1 ? raw.length : lf;
    const line = raw.toString('latin1', at, end).replace(/\r$/, '');
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon > 0) trailers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
    if (lf === -1) break;
    at = lf + 1;
  }
  return trailers;
}

/** True when the body starts with a complete, well-formed first chunk (or is a bare last-chunk). */
export function looksChunked(raw: Buffer): boolean {
  const first = readSizeLine(raw, 0);
  if (!first) return false;
  if (first.size === 0) return true;
  const end = first.next + first.size;
  return end <= raw.length && skipLineEnd(raw, end) !== -1;
}

/**
 * Returns the de-chunked body, or undefined when `raw` is not chunk-framed at
 * all (the caller then keeps the body as it is).
 */
export function dechunk(raw: Buffer): Dechunked | undefined {
  if (raw.length === 0) return { body: raw, trailers: [] };
  if (!looksChunked(raw)) return undefined;

  const parts: Buffer[] = [];
  let pos = 0;
  let problem: string | undefined;
  // Each pass consumes at least one byte, so the loop ends within raw.length passes.
  for (;;) {
    if (pos >= raw.length) {
      problem = 'chunked body ends without the last chunk';
      break;
    }
    const sizeLine = readSizeLine(raw, pos);
    if (!sizeLine) {
      problem = 'malformed chunk size line; body cut there';
      break;
    }
    if (sizeLine.size === 0) {
      const trailers = readTrailers(raw, sizeLine.next);
      return { body: concat(parts), trailers };
    }
    const dataEnd = sizeLine.next + sizeLine.size;
    if (dataEnd > raw.length) {
      parts.push(raw.subarray(sizeLine.next));
      problem = 'truncated chunked body';
      break;
    }
    parts.push(raw.subarray(sizeLine.next, dataEnd));
    const after = skipLineEnd(raw, dataEnd);
    if (after === -1) {
      problem = 'chunk data not followed by CRLF; body cut there';
      break;
    }
    pos = after;
  }
  return problem === undefined ? { body: concat(parts), trailers: [] } : { body: concat(parts), trailers: [], problem };
}

function concat(parts: Buffer[]): Buffer {
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}
