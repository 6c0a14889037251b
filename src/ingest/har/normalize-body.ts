/**
 * HAR `response.content` and `request.postData` turned into `BodyRef`: small bodies
 * keep their decoded text, binary ones only their size, large ones the fragments
 * found while they streamed past plus where to read them again.
 */
import { gunzipSync } from 'node:zlib';
import type { BodyLocation, BodyRef, Header } from '../../model/index.js';
import { headerValue } from '../../model/index.js';
import { BACKSLASH } from '../scan/byte-classes.js';
import { base64DecodedLength, scanFragments } from '../scan/index.js';
import { keepsText } from '../text-policy.js';
import { LARGE_BODY_BYTES, MAX_DECODED_BODY_BYTES } from '../types.js';
import type { CutString } from './cut-strings.js';
import { mediumBase64Bytes, mediumText, verifyCut } from './literal-text.js';
import { bytesToString } from '../text-bytes.js';
import { fileBody } from './file-body.js';
import { asObject, asText, finiteNumber } from './json-values.js';
import { JsonStringLength } from './json-string-length.js';
import type { LargeStringScan, LargeStringMode } from './large-string.js';
import { isTextualMime } from './mime.js';
import { looksLikeText } from './text-sniff.js';
import type { NormalizeContext } from './normalize-context.js';

/** Enough decoded bytes to recognise binary content without decoding all of it. */
const SNIFF_BASE64_CHARS = 4096;

export function responseBody(content: unknown, headers: Header[], ctx: NormalizeContext): BodyRef | undefined {
  if (content === undefined || content === null) return undefined;
  const c = asObject(content);
  if (!c) {
    ctx.problems.push('response.content is not an object');
    return undefined;
  }
  const mimeType = mimeOf(c.mimeType, headers, ctx);
  const declared = finiteNumber(c.size);
  if (typeof c._file === 'string') return fileBody(c._file, declared, mimeType, ctx);
  if (c.text !== undefined && c.text !== null && c.text !== '') {
    return textValueBody(c.text, c.encoding === 'base64', mimeType, ctx);
  }
  const commented = typeof c.comment === 'string' && c.comment !== '';
  if (commented || (declared ?? 0) > 0) return { size: declared ?? -1, mimeType, problem: 'not-saved' };
  return undefined;
}

export function requestBody(postData: unknown, headers: Header[], ctx: NormalizeContext): BodyRef | undefined {
  if (postData === undefined || postData === null) return undefined;
  const p = asObject(postData);
  if (!p) {
    ctx.problems.push('request.postData is not an object');
    return undefined;
  }
  const mimeType = mimeOf(p.mimeType, headers, ctx);
  if (typeof p._file === 'string') return fileBody(p._file, undefined, mimeType, ctx);
  if (p.text !== undefined && p.text !== null && p.text !== '') {
    const base64 = p.encoding === 'base64' || p._encoding === 'base64';
    return textValueBody(p.text, base64, mimeType, ctx);
  }
  if (Array.isArray(p.params) && p.params.length > 0) return textBody(rebuildForm(p.params, ctx), mimeType);
  return undefined;
}

/** The body of a large string once its scan used the right mode. */
export function applyLargeScan(body: BodyRef, scan: LargeStringScan): void {
  body.size = scan.decodedSize;
  body.fragments = scan.fragments;
  if (scan.mode === 'base64' && (scan.binary || !isTextualMime(body.mimeType))) body.binary = true;
}

function textValueBody(value: unknown, base64: boolean, mimeType: string, ctx: NormalizeContext): BodyRef {
  if (typeof value !== 'string') {
    ctx.problems.push('body text is not a string');
    return textBody(asText(value, ctx), mimeType);
  }
  const cut = ctx.registry.lookup(value, ctx.cuts);
  if (cut?.kind === 'large') return largeBody(cut, base64, mimeType, ctx);
  if (cut?.kind === 'medium') {
    if (base64) return mediumBase64Body(cut, mimeType, ctx);
    const location = { kind: 'har-string' as const, path: ctx.path, offset: cut.offset, length: cut.literal.length, base64: false };
    const literal = cut.literal;
    if (!keepsText(mimeType, literal.length - 2, () => literal.subarray(1, literal.length - 1), true)) return scannedLiteralBody(cut, mimeType, location, ctx);
    const { text, bytes } = mediumText(cut);
    return { size: bytes, mimeType, text, location };
  }
  return base64 ? decodedBody(Buffer.from(value, 'base64'), mimeType, ctx) : textBody(value, mimeType);
}

/** A body analysis only searches (see text-policy): the literal's escaped bytes are scanned, never turned into a string. */
function scannedLiteralBody(cut: Extract<CutString, { kind: 'medium' }>, mimeType: string, location: BodyLocation, ctx: NormalizeContext): BodyRef {
  verifyCut(cut);
  const content = cut.literal.subarray(1, cut.literal.length - 1);
  const fragments = scanFragments(content, { ...ctx.scanner, jsonEscaped: true });
  return { size: jsonContentBytes(content), mimeType, fragments, location };
}

/** UTF-8 bytes the escaped content of a literal decodes to. */
function jsonContentBytes(content: Buffer): number {
  if (content.indexOf(BACKSLASH) < 0) return content.length;
  const counter = new JsonStringLength();
  counter.push(content);
  return counter.end();
}

function largeBody(cut: Extract<CutString, { kind: 'large' }>, base64: boolean, mimeType: string, ctx: NormalizeContext): BodyRef {
  const location = { kind: 'har-string' as const, path: ctx.path, offset: cut.offset, length: cut.length, base64 };
  const body: BodyRef = { size: -1, mimeType, fragments: [], location };
  const wanted: LargeStringMode = base64 ? 'base64' : 'text';
  if (cut.scan.mode === wanted) applyLargeScan(body, cut.scan);
  else ctx.rescans.push({ body, location, mode: wanted });
  return body;
}

/** Binary media is recognised from its first bytes, so most of it is never decoded. */
function mediumBase64Body(cut: Extract<CutString, { kind: 'medium' }>, mimeType: string, ctx: NormalizeContext): BodyRef {
  const literal = cut.literal;
  const location = { kind: 'har-string' as const, path: ctx.path, offset: cut.offset, length: literal.length, base64: true };
  if (!isTextualMime(mimeType) && literal.indexOf(BACKSLASH) < 0) {
    verifyCut(cut);
    const chars = Math.min(literal.length - 2, SNIFF_BASE64_CHARS) & ~3;
    const head = Buffer.from(literal.toString('latin1', 1, 1 + chars), 'base64');
    if (!looksLikeText(head, chars < literal.length - 2)) {
      const padding = (literal[literal.length - 2] === 0x3d ? 1 : 0) + (literal[literal.length - 3] === 0x3d ? 1 : 0);
      return { size: base64DecodedLength(literal.length - 2, padding), mimeType, binary: true, location };
    }
  }
  const body = decodedBody(mediumBase64Bytes(cut), mimeType, ctx);
  // Reading back gives the literal's bytes: right unless they were decompressed here.
  if (!body.decodedFrom) body.location = location;
  return body;
}

function decodedBody(bytes: Buffer, mimeType: string, ctx: NormalizeContext): BodyRef {
  if (isGzip(bytes)) return gunzippedBody(bytes, mimeType, ctx);
  if (isTextualMime(mimeType) || looksLikeText(bytes, false)) {
    if (!keepsText(mimeType, bytes.length, () => bytes)) return { size: bytes.length, mimeType, fragments: scanFragments(bytes, ctx.scanner) };
    return { size: bytes.length, mimeType, text: bytesToString(bytes) };
  }
  return { size: bytes.length, mimeType, binary: true };
}

function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/**
 * HAR bodies are meant to be decoded already, but a proxy that failed to decode
 * one (mitmproxy) stores the compressed bytes as base64. Undo it when possible.
 */
function gunzippedBody(bytes: Buffer, mimeType: string, ctx: NormalizeContext): BodyRef {
  try {
    const plain = gunzipSync(bytes, { maxOutputLength: MAX_DECODED_BODY_BYTES });
    const body = plain.length <= LARGE_BODY_BYTES ? decodedBody(plain, mimeType, ctx) : { size: plain.length, mimeType, fragments: scanFragments(plain, ctx.scanner) };
    return { ...body, decodedFrom: ['gzip'] };
  } catch {
    return { size: bytes.length, mimeType, binary: true, problem: 'undecodable: gzip' };
  }
}

function textBody(text: string, mimeType: string): BodyRef {
  return { size: Buffer.byteLength(text, 'utf8'), mimeType, text };
}

function mimeOf(declared: unknown, headers: Header[], ctx: NormalizeContext): string {
  const m = declared === undefined || declared === null ? '' : asText(declared, ctx);
  return ctx.interner.string(m !== '' ? m : (headerValue(headers, 'content-type') ?? ''));
}

/** Producers differ: Chrome keeps params percent-encoded, others decode them. Encode only what needs it. */
function rebuildForm(params: unknown[], ctx: NormalizeContext): string {
  const part = (s: string): string => (/^(?:[A-Za-z0-9\-._~!*'()+]|%[0-9A-Fa-f]{2})*$/.test(s) ? s : encodeURIComponent(s));
  return params
    .map((item) => asObject(item))
    .filter((p): p is Record<string, unknown> => p !== undefined)
    .map((p) => `${part(asText(p.name, ctx))}=${part(asText(p.value, ctx))}`)
    .join('&');
}
