/**
 * A session's request and response bytes parsed and their bodies decoded.
 * This runs in the read-ahead window, so large compressed bodies are
 * inflated on the thread pool while earlier sessions are being built.
 */
import type { HeaderInterner } from '../intern.js';
import { headerValue, type Header } from '../../model/index.js';
import {
  charsetFromContentType,
  decodeBodyAsync,
  isTextType,
  parseCodings,
  parseRequest,
  parseResponse,
  streamGzipBody,
  type DecodedBody,
  type ParsedRequest,
  type ParsedResponse,
} from '../http/index.js';
import { createFragmentScanner } from '../scan/index.js';
import { ALWAYS_TEXT_BYTES, analysisReadsType } from '../text-policy.js';
import { LARGE_BODY_BYTES } from '../types.js';
import { gzipAnnouncedSize } from '../zlib-engines.js';

/** A body that was only scanned while it was decoded (see scannedBody). */
export interface ScannedBody {
  size: number;
  decodedFrom: string[];
  problems: string[];
  fragments: string[];
}

export interface PreparedMessage<T> {
  parsed: T;
  /** Present when the message has body bytes. */
  body?: DecodedBody;
  /** Instead of `body`: a body analysis only scans, never held whole. */
  scanned?: ScannedBody;
  /** Instead of `body`: a binary body of this many bytes that was never inflated (see binaryResponseFromHead). */
  unreadBinaryBytes?: number;
}

export type PreparedRequest = PreparedMessage<ParsedRequest>;
export type PreparedResponse = PreparedMessage<ParsedResponse>;

async function withBody<T extends { body: Buffer; headers: ParsedRequest['headers'] }>(parsed: T): Promise<PreparedMessage<T>> {
  if (parsed.body.length === 0) return { parsed };
  const scanned = scannedBody(parsed.body, parsed.headers);
  if (scanned) return { parsed, scanned };
  return { parsed, body: await decodeBodyAsync(parsed.body, parsed.headers) };
}

/**
 * A gzip'd text body that will keep only fragments — a script or style sheet (a type
 * analysis only scans, see text-policy), or any text body whose gzip trailer announces
 * more than LARGE_BODY_BYTES — is gunzipped piece by piece straight into the fragment
 * scanner: the decoded body, often megabytes, is never held. Undefined when the body
 * takes the usual way: other types and codings, bodies that keep their text (small,
 * UTF-16, smaller than announced), failures.
 */
function scannedBody(raw: Buffer, headers: Header[]): ScannedBody | undefined {
  const type = headerValue(headers, 'content-type');
  if (isTextType(type) !== true || /^utf-?16/i.test(charsetFromContentType(type) ?? '')) return undefined;
  const large = gzipAnnouncedSize(raw) > LARGE_BODY_BYTES;
  if (analysisReadsType(type) !== false && !large) return undefined;
  // Pieces are scanned as they come: gathering small ones into larger windows would copy them.
  const scanner = createFragmentScanner({ minWindowBytes: 16 << 10 });
  let first = true;
  let utf16 = false;
  const streamed = streamGzipBody(raw, headers, (piece) => {
    if (first && ((piece[0] === 0xff && piece[1] === 0xfe) || (piece[0] === 0xfe && piece[1] === 0xff))) utf16 = true;
    first = false;
    if (!utf16) scanner.push(piece);
  });
  if (!streamed || utf16 || streamed.decodedBytes <= (large ? LARGE_BODY_BYTES : ALWAYS_TEXT_BYTES)) return undefined;
  return { size: streamed.decodedBytes, decodedFrom: streamed.decodedFrom, problems: streamed.problems, fragments: scanner.end() };
}

/** undefined when the bytes do not start with a request line. */
export async function prepareRequest(bytes: Buffer, interner?: HeaderInterner): Promise<PreparedRequest | undefined> {
  const parsed = parseRequest(bytes, interner);
  return parsed ? withBody(parsed) : undefined;
}

/** undefined when the bytes do not start with a status line. */
export async function prepareResponse(bytes: Buffer, interner?: HeaderInterner): Promise<PreparedResponse | undefined> {
  const parsed = parseResponse(bytes, interner);
  return parsed ? withBody(parsed) : undefined;
}

/**
 * A response whose body analysis would only mark as binary — an image, font or video
 * type, sent without transfer or content codings — known from its head alone: its
 * size is the member's size less the head, so the body is never inflated. Undefined
 * when the head is not complete in `start` or the body needs a look.
 */
export function binaryResponseFromHead(start: Buffer, memberBytes: number, interner?: HeaderInterner): PreparedResponse | undefined {
  if (start.length >= memberBytes) return undefined;
  const parsed = parseResponse(start, interner);
  // Without a blank line inside `start` the head may go on.
  if (!parsed || parsed.body.length === 0) return undefined;
  const headers = parsed.headers;
  if (parseCodings(headerValue(headers, 'transfer-encoding')).length > 0) return undefined;
  if (parseCodings(headerValue(headers, 'content-encoding')).length > 0) return undefined;
  if (isTextType(headerValue(headers, 'content-type')) !== false) return undefined;
  return { parsed, unreadBinaryBytes: memberBytes - (start.length - parsed.body.length) };
}
