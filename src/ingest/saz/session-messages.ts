/**
 * A session's request and response bytes parsed and their bodies decoded.
 * This runs in the read-ahead window, so large compressed bodies are
 * inflated on the thread pool while earlier sessions are being built.
 */
import type { HeaderInterner } from '../intern.js';
import { decodeBodyAsync, parseRequest, parseResponse, type DecodedBody, type ParsedRequest, type ParsedResponse } from '../http/index.js';

export interface PreparedMessage<T> {
  parsed: T;
  /** Present when the message has body bytes. */
  body?: DecodedBody;
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
