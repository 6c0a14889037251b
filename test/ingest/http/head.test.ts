import { describe, expect, it } from 'vitest';
import { parseHead } from '../../../src/ingest/http/index.js';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('parseHead', () => {
  it('reads a CRLF head and finds the body', () => {
    const msg = b('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-A: 1\r\n\r\nhello\r\n\r\nworld');
    const head = parseHead(msg);
    expect(head.startLine).toBe('HTTP/1.1 200 OK');
    expect(head.headers).toEqual([
      { name: 'Content-Type', value: 'text/plain' },
      { name: 'X-A', value: '1' },
    ]);
    expect(msg.subarray(head.bodyStart).toString()).toBe('hello\r\n\r\nworld');
    expect(head.problems).toEqual([]);
  });

  it('accepts bare LF line ends', () => {
    const msg = b('GET / HTTP/1.1\nHost: a.example\n\nbody');
    const head = parseHead(msg);
    expect(head.headers).toEqual([{ name: 'Host', value: 'a.example' }]);
    expect(msg.subarray(head.bodyStart).toString()).toBe('body');
  });

  it('joins obs-fold continuation lines to the previous value', () => {
    const head = parseHead(b('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm="",\r\n\terror="invalid_token"\r\n  , x=1\r\n\r\n'));
    expect(head.headers).toEqual([{ name: 'WWW-Authenticate', value: 'Bearer realm="", error="invalid_token" , x=1' }]);
  });

  it('keeps repeated headers as separate fields, in order', () => {
    const head = parseHead(b('HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n'));
    expect(head.headers.map((h) => h.value)).toEqual(['a=1', 'b=2']);
  });

  it('treats a message without blank line as all head, no body', () => {
    const msg = b('GET /x HTTP/1.1\r\nHost: h');
    const head = parseHead(msg);
    expect(head.headers).toEqual([{ name: 'Host', value: 'h' }]);
    expect(head.bodyStart).toBe(msg.length);
  });

  it('skips empty lines before the start line and reports malformed lines', () => {
    const head = parseHead(b('\r\n\r\nHTTP/1.1 204 No Content\r\nthis is not a header\r\nA: b\r\n\r\n'));
    expect(head.startLine).toBe('HTTP/1.1 204 No Content');
    expect(head.headers).toEqual([{ name: 'A', value: 'b' }]);
    expect(head.problems).toEqual(['1 malformed header line skipped']);
  });

  it('shows UTF-8 header bytes as UTF-8 and other high bytes as latin1', () => {
    const utf8 = parseHead(Buffer.concat([b('HTTP/1.1 200 OK\r\nX-Name: '), Buffer.from('日本', 'utf8'), b('\r\n\r\n')]));
    expect(utf8.headers[0]!.value).toBe('日本');
    const latin = parseHead(Buffer.concat([b('HTTP/1.1 200 OK\r\nX-Name: caf'), Buffer.from([0xe9]), b('\r\n\r\n')]));
    expect(latin.headers[0]!.value).toBe('café');
  });
});
