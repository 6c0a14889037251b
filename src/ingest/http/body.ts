/**
 * From wire bytes to the body a user would read: undo transfer codings
 * (chunked first), then content codings, then decide whether it is text and
 * in which charset.
 */
import { headerValue, type Header } from '../../model/index.js';
import { MAX_DECODED_BODY_BYTES } from '../types.js';
import { gunzipInPieces } from '../zlib-engines.js';
import { essence, isTextType, looksBinary } from './body-kind.js';
import { charsetFromContentType, decodeText, sniffHtmlCharset } from './charset.js';
import { dechunk } from './chunked.js';
import { decodeContentCodings, decodeContentCodingsAsync, parseCodings, type DecodedContent } from './content-encoding.js';

export interface DecodedBody {
  bytes: Buffer;
  /** Encodings undone, in order: e.g. ['chunked', 'gzip']. */
  decodedFrom: string[];
  /** Trailer fields of a chunked body. */
  trailers: Header[];
  problems: string[];
}

export interface DecodeOptions {
  maxDecodedBytes?: number;
}

interface Framing {
  bytes: Buffer;
  decodedFrom: string[];
  trailers: Header[];
  problems: string[];
  /** Codings still to undo, in the order they were applied. */
  codings: string[];
}

/** Undoes chunked framing (cheap, always synchronous) and lists the codings left to undo. */
function unframe(raw: Buffer, headers: readonly Header[]): Framing {
  const framing: Framing = { bytes: raw, decodedFrom: [], trailers: [], problems: [], codings: [] };
  const transfer = parseCodings(headerValue(headers, 'transfer-encoding'));
  if (transfer[transfer.length - 1] === 'chunked') {
    transfer.pop();
    const dechunked = dechunk(raw);
    if (dechunked) {
      framing.bytes = dechunked.body;
      framing.trailers = dechunked.trailers;
      if (raw.length > 0) framing.decodedFrom.push('chunked');
      if (dechunked.problem) framing.problems.push(dechunked.problem);
    } else {
      framing.problems.push('declared chunked but not chunk-framed; kept as is');
    }
  }
  // Transfer codings other than chunked (rare: "gzip, chunked") are undone like content codings.
  framing.codings = [...parseCodings(headerValue(headers, 'content-encoding')), ...transfer];
  return framing;
}

function finish(framing: Framing, content: DecodedContent | undefined): DecodedBody {
  if (!content) return { bytes: framing.bytes, decodedFrom: framing.decodedFrom, trailers: framing.trailers, problems: framing.problems };
  const problems = content.problem ? [...framing.problems, content.problem] : framing.problems;
  return { bytes: content.body, decodedFrom: [...framing.decodedFrom, ...content.decodedFrom], trailers: framing.trailers, problems };
}

export function decodeBody(raw: Buffer, headers: readonly Header[], options: DecodeOptions = {}): DecodedBody {
  const framing = unframe(raw, headers);
  if (framing.codings.length === 0) return finish(framing, undefined);
  return finish(framing, decodeContentCodings(framing.bytes, framing.codings, options.maxDecodedBytes ?? MAX_DECODED_BODY_BYTES));
}

/** Same result as decodeBody; large compressed bodies are decoded on the thread pool. */
export async function decodeBodyAsync(raw: Buffer, headers: readonly Header[], options: DecodeOptions = {}): Promise<DecodedBody> {
  const framing = unframe(raw, headers);
  if (framing.codings.length === 0) return finish(framing, undefined);
  return finish(framing, await decodeContentCodingsAsync(framing.bytes, framing.codings, options.maxDecodedBytes ?? MAX_DECODED_BODY_BYTES));
}

/** A body decoded piece by piece (see streamGzipBody): its size and what was undone, not its bytes. */
export interface StreamedBody {
  decodedBytes: number;
  decodedFrom: string[];
  problems: string[];
}

/**
 * For a body nobody will read as text: undoes the framing, then gunzips it piece by
 * piece into `onPiece` (each piece valid only during the call) without ever holding
 * the decoded body. Only a lone gzip content coding is handled; any other coding, an
 * empty body, corrupt data or a bomb give undefined (pieces already handed out are to
 * be discarded), and decodeBody then does the work and reports the problem.
 */
export function streamGzipBody(raw: Buffer, headers: readonly Header[], onPiece: (bytes: Buffer) => void, maxDecodedBytes = MAX_DECODED_BODY_BYTES): StreamedBody | undefined {
  const framing = unframe(raw, headers);
  const coding = framing.codings.length === 1 ? framing.codings[0]! : '';
  if ((coding !== 'gzip' && coding !== 'x-gzip') || framing.bytes.length === 0) return undefined;
  const decodedBytes = gunzipInPieces(framing.bytes, maxDecodedBytes, onPiece);
  if (decodedBytes === undefined) return undefined;
  return { decodedBytes, decodedFrom: [...framing.decodedFrom, coding], problems: framing.problems };
}

export interface TextView {
  /** false: binary content, no text. */
  isText: boolean;
  text?: string;
  charset?: string;
  problem?: string;
}

function hasBom(bytes: Buffer): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Whether `bytes` (already decoded) are text according to their type or content. */
export function isTextBody(bytes: Buffer, contentType: string | undefined): boolean {
  const byType = isTextType(contentType);
  if (byType !== undefined) return byType;
  return hasBom(bytes) || !looksBinary(bytes);
}

/** Picks the charset: Content-Type parameter first, then an HTML meta declaration. */
export function declaredCharset(bytes: Buffer, contentType: string | undefined): string | undefined {
  const fromHeader = charsetFromContentType(contentType);
  if (fromHeader) return fromHeader;
  const type = essence(contentType);
  if (type === 'text/html' || type === 'application/xhtml+xml' || type === '') return sniffHtmlCharset(bytes);
  return undefined;
}

/** Decodes `bytes` as text when they are text. */
export function textView(bytes: Buffer, contentType: string | undefined): TextView {
  if (!isTextBody(bytes, contentType)) return { isText: false };
  const decoded = decodeText(bytes, declaredCharset(bytes, contentType));
  return decoded.problem
    ? { isText: true, text: decoded.text, charset: decoded.charset, problem: decoded.problem }
    : { isText: true, text: decoded.text, charset: decoded.charset };
}
