/**
 * Raw HTTP/1.x request and response messages, as Fiddler saves them: head
 * plus the body bytes exactly as they crossed the wire.
 */
import type { Header } from '../../model/index.js';
import type { HeaderInterner } from '../intern.js';
import { parseHead } from './head.js';
import { parseRequestLine, parseStatusLine } from './start-line.js';

export interface ParsedRequest {
  method: string;
  target: string;
  httpVersion: string;
  headers: Header[];
  /** Body as on the wire (maybe chunked, maybe compressed). */
  body: Buffer;
  problems: string[];
}

export interface ParsedResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: Header[];
  body: Buffer;
  problems: string[];
}

/** undefined when the first line is not a request line. */
export function parseRequest(message: Buffer, interner?: HeaderInterner): ParsedRequest | undefined {
  const head = parseHead(message, interner);
  const line = parseRequestLine(head.startLine);
  if (!line) return undefined;
  return {
    method: line.method,
    target: line.target,
    httpVersion: line.httpVersion,
    headers: head.headers,
    body: message.subarray(head.bodyStart),
    problems: head.problems,
  };
}

/** undefined when the first line is not a status line. */
export function parseResponse(message: Buffer, interner?: HeaderInterner): ParsedResponse | undefined {
  const head = parseHead(message, interner);
  const line = parseStatusLine(head.startLine);
  if (!line) return undefined;
  return {
    status: line.status,
    statusText: line.statusText,
    httpVersion: line.httpVersion,
    headers: head.headers,
    body: message.subarray(head.bodyStart),
    problems: head.problems,
  };
}
