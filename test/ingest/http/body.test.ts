import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody, decodeBodyAsync, isTextBody, textView } from '../../../src/ingest/http/index.js';

const h = (pairs: Record<string, string>) => Object.entries(pairs).map(([name, value]) => ({ name, value }));

function chunk(data: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) {
    const piece = data.subarray(i, i + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

describe('decodeBody', () => {
  const json = Buffer.from(JSON.stringify({ access_token: 'not-a-real-token', token_type: 'Bearer' }));

  it('undoes chunked then gzip and records both', async () => {
    const raw = chunk(gzipSync(json), 7);
    const headers = h({ 'Transfer-Encoding': 'chunked', 'Content-Encoding': 'gzip' });
    for (const decoded of [decodeBody(raw, headers), await decodeBodyAsync(raw, headers)]) {
      expect(decoded.bytes.equals(json)).toBe(true);
      expect(decoded.decodedFrom).toEqual(['chunked', 'gzip']);
      expect(decoded.problems).toEqual([]);
    }
  });

  it('keeps a body that says chunked but is not framed, with a problem', () => {
    const decoded = decodeBody(Buffer.from('{"result":"ok"}'), h({ 'Transfer-Encoding': 'chunked' }));
    expect(decoded.bytes.toString()).toBe('{"result":"ok"}');
    expect(decoded.decodedFrom).toEqual([]);
    expect(decoded.problems).toEqual(['declared chunked but not chunk-framed; kept as is']);
  });

  it('undoes a transfer coding other than chunked ("gzip, chunked")', () => {
    const decoded = decodeBody(chunk(gzipSync(json), 100), h({ 'Transfer-Encoding': 'gzip, chunked' }));
    expect(decoded.bytes.equals(json)).toBe(true);
    expect(decoded.decodedFrom).toEqual(['chunked', 'gzip']);
  });

  it('passes a plain body through untouched', () => {
    const decoded = decodeBody(json, h({ 'Content-Type': 'application/json' }));
    expect(decoded).toEqual({ bytes: json, decodedFrom: [], trailers: [], problems: [] });
  });

  it('reports zstd as undecodable and keeps the bytes', () => {
    const raw = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]);
    const decoded = decodeBody(raw, h({ 'Content-Encoding': 'zstd' }));
    expect(decoded.bytes).toBe(raw);
    expect(decoded.problems).toEqual(['undecodable content-encoding: zstd']);
  });
});

describe('textView', () => {
  it('decodes Shift_JIS named in Content-Type', () => {
    const sjis = Buffer.from([0x88, 0xa2, 0x95, 0x94]); // 阿部 in Shift_JIS
    expect(textView(sjis, 'text/html; charset=Shift_JIS')).toEqual({ isText: true, text: '阿部', charset: 'shift_jis' });
  });

  it('finds the charset in an HTML meta tag when the header has none (x-sjis label)', () => {
    const html = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=x-sjis"><title>'), Buffer.from([0x88, 0xa2, 0x95, 0x94]), Buffer.from('</title>')]);
    const view = textView(html, 'text/html');
    expect(view.charset).toBe('shift_jis');
    expect(view.text).toContain('<title>阿部</title>');
  });

  it('falls back to latin1 for an unknown charset and says so', () => {
    const view = textView(Buffer.from([0x41, 0xe9]), 'text/plain; charset=x-klingon');
    expect(view).toEqual({ isText: true, text: 'Aé', charset: 'latin1', problem: 'unsupported charset x-klingon; decoded as latin1' });
  });

  it('strips a UTF-8 BOM', () => {
    expect(textView(Buffer.from('\ufeff{"a":1}'), 'application/json').text).toBe('{"a":1}');
  });

  it('tells binary from text by type, then by content', () => {
    expect(isTextBody(Buffer.from('abc'), 'image/png')).toBe(false);
    expect(isTextBody(Buffer.from([0xff, 0xd8, 0xff, 0x00]), undefined)).toBe(false);
    expect(isTextBody(Buffer.from('plain words'), undefined)).toBe(true);
    expect(isTextBody(Buffer.from('{}'), 'application/problem+json')).toBe(true);
    expect(isTextBody(Buffer.from('a=1&b=2'), 'application/x-www-form-urlencoded')).toBe(true);
    expect(textView(Buffer.from([1, 2, 0]), 'application/octet-stream')).toEqual({ isText: false });
  });
});
