import { describe, expect, it } from 'vitest';
import { dechunk, looksChunked } from '../../../src/ingest/http/index.js';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('dechunk', () => {
  it.each([
    ['simple', '5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n', 'hello world'],
    ['upper-case hex and size padding', 'A\r\n0123456789\r\n000\r\n\r\n', '0123456789'],
    ['chunk extensions are ignored', '5;name=value;x\r\nhello\r\n0;last\r\n\r\n', 'hello'],
    ['bare LF framing', '3\nabc\n0\n\n', 'abc'],
    ['data containing CRLF', '4\r\n\r\n\r\n\r\n0\r\n\r\n', '\r\n\r\n'],
  ])('%s', (_name, raw, body) => {
    const result = dechunk(b(raw))!;
    expect(result.body.toString('latin1')).toBe(body);
    expect(result.problem).toBeUndefined();
  });

  it('returns trailer fields', () => {
    const result = dechunk(b('2\r\nok\r\n0\r\nServer-Timing: total;dur=5\r\nX-Trace: abc\r\n\r\n'))!;
    expect(result.body.toString()).toBe('ok');
    expect(result.trailers).toEqual([
      { name: 'Server-Timing', value: 'total;dur=5' },
      { name: 'X-Trace', value: 'abc' },
    ]);
  });

  it('recognises bodies that announce chunked but are not framed (multipleSessions.saz)', () => {
    expect(looksChunked(b('{"result":"Response 1"}'))).toBe(false);
    expect(dechunk(b('{"result":"Response 1"}'))).toBeUndefined();
    // Hex-looking first line whose size does not fit is not chunk framing either.
    expect(dechunk(b('abc\nnot chunked'))).toBeUndefined();
  });

  it('keeps what arrived when the body is truncated', () => {
    const result = dechunk(b('5\r\nhello\r\n10\r\nonly part'))!;
    expect(result.body.toString()).toBe('helloonly part');
    expect(result.problem).toBe('truncated chunked body');
  });

  it('stops at a malformed size line after good chunks', () => {
    const result = dechunk(b('2\r\nok\r\nzz\r\nrest'))!;
    expect(result.body.toString()).toBe('ok');
    expect(result.problem).toBe('malformed chunk size line; body cut there');
  });

  it('notes a missing last chunk', () => {
    const result = dechunk(b('2\r\nok\r\n'))!;
    expect(result.body.toString()).toBe('ok');
    expect(result.problem).toBe('chunked body ends without the last chunk');
  });

  it('notes chunk data not followed by CRLF', () => {
    const result = dechunk(b('2\r\nok\r\n3\r\nabcX0\r\n\r\n'))!;
    // The chunk's data arrived whole; only the framing after it is broken.
    expect(result.body.toString()).toBe('okabc');
    expect(result.problem).toBe('chunk data not followed by CRLF; body cut there');
  });

  it('accepts an empty body', () => {
    expect(dechunk(Buffer.alloc(0))).toEqual({ body: Buffer.alloc(0), trailers: [] });
  });
});
