/**
 * A session's request and response bytes parsed and their bodies decoded.
 * This runs in the read-ahead window, so large compressed bodies are
 * inflated on the thread pool while earlier sessions are being built.
 */
import type { HeaderInterner } from '../intern.js';
import { headerValue } from '../../model/index.js';
import { decodeBodyAsync, isTextType, parseCodings, parseRequest, parseResponse, type DecodedBody, type ParsedRequest, type ParsedResponse } from '../http/index.js';

export interface PreparedMessage<T> {
  parsed: T;
  /** Present when the message has body bytes. */
  body?: DecodedBody;
  /** Instead of `body`: a binary body of this many bytes that was never inflated (see binaryResponseFromHead). */
  unreadBinaryBytes?: number;
}

export type PreparedRequest = PreparedMessage<ParsedRequest>;
export type PreparedResponse = PreparedMessage<ParsedResponse>;

async function withBody<T extends { body: Buffer; headers: ParsedRequest['headers'] }>(parsed: T): Promise<PreparedMessage<T>> {
  if (parsed.body.length === 0) return { parsed };
  return { parsed, body: await decodeBodyAsync(parsed.body, parsed.headers) };
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
