/** Test helpers that write HAR text the way producers do (pretty or compact, BOM, member order). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const b64url = (s: string): string => Buffer.from(s).toString('base64url');

/** A compact JWS-shaped string (fake signature): enough for the scanner, never verified. */
export function fakeJws(claims: Record<string, unknown>): string {
  return `${b64url(JSON.stringify({ alg: 'RS256', kid: 'test-kid', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.${b64url('not-a-real-signature')}`;
}

export interface HarTextOptions {
  bom?: boolean;
  /** Write `creator` after `entries` (some tools do). */
  creatorLast?: boolean;
  indent?: number;
  creator?: Record<string, unknown>;
  extraLog?: Record<string, unknown>;
}

export function harText(entries: unknown[], options: HarTextOptions = {}): string {
  const creator = options.creator ?? { name: 'WebInspector', version: '537.36' };
  const log = options.creatorLast
    ? { version: '1.2', pages: [], entries, ...options.extraLog, creator }
    : { version: '1.2', creator, pages: [], ...options.extraLog, entries };
  const json = JSON.stringify({ log }, null, options.indent);
  return (options.bom ? '\ufeff' : '') + json;
}

/** A minimal valid entry; `over` replaces top-level members, `response`/`request` merge. */
export function entry(over: { request?: Record<string, unknown>; response?: Record<string, unknown>; [k: string]: unknown } = {}): Record<string, unknown> {
  const { request, response, ...rest } = over;
  return {
    startedDateTime: '2024-05-01T10:00:00.123Z',
    time: 12.5,
    request: { method: 'GET', url: 'https://api.example.com/items', httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0, ...request },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [],
      cookies: [],
      content: { size: 0, mimeType: 'text/plain' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...response,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2.5 },
    ...rest,
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'trace-audit-har-'));
}

export function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
