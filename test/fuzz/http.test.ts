/**
 * Raw HTTP/1.x parsing as Fiddler saved it: heads, start lines, chunked
 * framing, content codings, charsets. Never a throw, results that make sense,
 * and round trips where the input was well formed.
 */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBody,
  decodeBodyAsync,
  decodeContentCodings,
  decodeText,
  dechunk,
  looksChunked,
  parseHead,
  parseRequest,
  parseResponse,
  requestUrl,
  splitAuthority,
  textView,
} from '../../src/ingest/http/index.js';
import { anyText, nastyText } from './arbitraries.js';
import { runs, timed } from './settings.js';

const bytesArb = fc.oneof(fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)), nastyText(60).map((s) => Buffer.from(s)));
const token = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,16}$/);
const fieldValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,40}[\x21-\x7e])?$/);
const headerArb = fc.record({ name: token, value: fieldValue });
const codingsArb = fc.array(fc.constantFrom('gzip', 'x-gzip', 'deflate', 'br', 'identity', 'compress', 'zstd', 'chunked', ''), { maxLength: 4 });

describe('HTTP heads and start lines', () => {
  it('parseHead / parseRequest / parseResponse never throw on any bytes', () => {
    fc.assert(
      fc.property(bytesArb, (buf) => {
        const head = timed('parseHead', () => parseHead(buf));
        expect(head.bodyStart).toBeGreaterThanOrEqual(0);
        expect(head.bodyStart).toBeLessThanOrEqual(buf.length);
        for (const h of head.headers) expect([typeof h.name, typeof h.value]).toEqual(['string', 'string']);
        const req = parseRequest(buf);
        if (req) expect(typeof req.method).toBe('string');
        const res = parseResponse(buf);
        if (res) expect(Number.isInteger(res.status)).toBe(true);
      }),
      { numRuns: runs(400) },
    );
  });

  it('a well-formed request reads back as written, with CRLF or bare LF line ends', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'OPTIONS', 'CONNECT'),
        fc.webPath().map((p) => `/${p.replace(/^\/+/, '')}`),
        fc.array(headerArb, { maxLength: 8 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom('\r\n', '\n'),
        (method, target, headers, body, eol) => {
          const head = [`${method} ${target} HTTP/1.1`, ...headers.map((h) => `${h.name}: ${h.value}`)].join(eol) + eol + eol;
          const parsed = parseRequest(Buffer.concat([Buffer.from(head, 'latin1'), body]));
          expect(parsed).toBeDefined();
          expect(parsed!.method).toBe(method);
          expect(parsed!.target).toBe(target);
          expect(parsed!.headers).toEqual(headers);
          expect(Buffer.compare(parsed!.body, Buffer.from(body))).toBe(0);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('requestUrl and splitAuthority never throw', () => {
    fc.assert(
      fc.property(fc.constantFrom('GET', 'CONNECT', 'connect', ''), anyText, fc.array(fc.record({ name: fc.constantFrom('Host', 'host', ':authority', 'X'), value: anyText }), { maxLength: 3 }), fc.boolean(), (method, target, headers, https) => {
        const r = timed('requestUrl', () => requestUrl(method, target, headers, { https }));
        expect(typeof r.url).toBe('string');
        expect(typeof splitAuthority(target).host).toBe('string');
      }),
      { numRuns: runs(300) },
    );
  });
});

/** `body` as chunks of the given sizes, with optional extensions and trailers. */
function chunk(body: Buffer, sizes: number[], ext: string, trailers: { name: string; value: string }[]): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= body.length) break;
    const piece = body.subarray(at, at + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}${ext}\r\n`), piece, Buffer.from('\r\n'));
    at += piece.length;
  }
  if (at < body.length) parts.push(Buffer.from(`${(body.length - at).toString(16)}\r\n`), body.subarray(at), Buffer.from('\r\n'));
  parts.push(Buffer.from(`0\r\n${trailers.map((t) => `${t.name}: ${t.value}\r\n`).join('')}\r\n`));
  return Buffer.concat(parts);
}

describe('chunked framing', () => {
  it('dechunk never throws and never grows the body', () => {
    fc.assert(
      fc.property(fc.oneof(bytesArb, fc.array(fc.constantFrom('0', '1', 'a', 'ffffffffffff', ';', '\r\n', '\n', 'x', '\r'), { maxLength: 40 }).map((p) => Buffer.from(p.join('')))), (raw) => {
        looksChunked(raw);
        const out = timed('dechunk', () => dechunk(raw));
        if (out) expect(out.body.length).toBeLessThanOrEqual(raw.length);
      }),
      { numRuns: runs(400) },
    );
  });

  it('dechunk undoes any chunking, extensions and trailers included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 3000 }), fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 10 }), fc.constantFrom('', ';a=1', ';name="v"'), fc.array(headerArb, { maxLength: 3 }), (body, sizes, ext, trailers) => {
        const out = dechunk(chunk(Buffer.from(body), sizes, ext, trailers));
        expect(out).toBeDefined();
        expect(out!.problem).toBeUndefined();
        expect(Buffer.compare(out!.body, Buffer.from(body))).toBe(0);
        expect(out!.trailers).toEqual(trailers);
      }),
      { numRuns: runs(300) },
    );
  });
});

const ENCODERS: Record<string, (b: Buffer) => Buffer> = { gzip: gzipSync, 'x-gzip': gzipSync, deflate: deflateSync, br: brotliCompressSync };

describe('content codings', () => {
  it('never throw on junk, whatever the codings claimed', () => {
    fc.assert(
      fc.property(bytesArb, codingsArb, fc.integer({ min: 1, max: 5000 }), (raw, codings, max) => {
        const out = timed('decodeContentCodings', () => decodeContentCodings(raw, codings, max));
        expect(Buffer.isBuffer(out.body)).toBe(true);
        for (const c of out.decodedFrom) expect(codings).toContain(c);
      }),
      { numRuns: runs(400) },
    );
  });

  it('undo any stack of gzip, deflate (zlib or raw) and br', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), fc.array(fc.constantFrom('gzip', 'x-gzip', 'deflate', 'raw-deflate', 'br'), { minLength: 1, maxLength: 3 }), (body, applied) => {
        let data: Buffer = Buffer.from(body);
        for (const c of applied) data = c === 'raw-deflate' ? deflateRawSync(data) : ENCODERS[c]!(data);
        const codings = applied.map((c) => (c === 'raw-deflate' ? 'deflate' : c));
        const out = decodeContentCodings(data, codings);
        if (body.length > 0) {
          expect(out.problem).toBeUndefined();
          expect(Buffer.compare(out.body, Buffer.from(body))).toBe(0);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('respect the output bound, and a cut stream keeps only a prefix of the original', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 20_000 }), fc.constantFrom('gzip', 'deflate', 'br'), fc.integer({ min: 1, max: 30_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (body, coding, max, cutAt) => {
        const encoded = ENCODERS[coding]!(Buffer.from(body));
        const bounded = decodeContentCodings(encoded, [coding], max);
        if (bounded.decodedFrom.length > 0) expect(bounded.body.length).toBeLessThanOrEqual(max);
        const cut = encoded.subarray(0, Math.floor(cutAt * encoded.length));
        const partial = decodeContentCodings(cut, [coding]);
        if (partial.decodedFrom.length > 0) expect(Buffer.from(body).subarray(0, partial.body.length).equals(partial.body)).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });

  it('a stack of more codings than any server applies is kept encoded instead of multiplying the work', () => {
    let data = Buffer.from('{"ok":true}');
    for (let i = 0; i < 40; i++) data = gzipSync(data);
    const out = timed('decodeContentCodings', () => decodeContentCodings(data, new Array<string>(40).fill('gzip')));
    expect(out.decodedFrom).toEqual([]);
    expect(out.problem).toMatch(/40 content codings/);
    expect(decodeContentCodings(gzipSync(gzipSync(Buffer.from('x'))), ['gzip', 'gzip']).body.toString()).toBe('x');
  });

  it('decodeBody and decodeBodyAsync agree on any body and headers', async () => {
    const headers = fc.array(fc.record({ name: fc.constantFrom('Transfer-Encoding', 'Content-Encoding', 'content-encoding', 'Content-Type'), value: fc.oneof(codingsArb.map((c) => c.join(', ')), anyText) }), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(bytesArb, headers, async (raw, hs) => {
        const sync = decodeBody(raw, hs);
        const async = await decodeBodyAsync(raw, hs);
        expect(async.decodedFrom).toEqual(sync.decodedFrom);
        expect(Buffer.compare(async.bytes, sync.bytes)).toBe(0);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('charsets and text views', () => {
  it('never throw, whatever the declared charset', () => {
    fc.assert(
      fc.property(bytesArb, fc.oneof(fc.constantFrom('utf-8', 'UTF8', 'iso-8859-1', 'shift_jis', 'utf-16le', 'utf-16', 'x-user-defined', 'bogus', ''), anyText), (bytes, charset) => {
        const text = timed('decodeText', () => decodeText(bytes, charset));
        expect(typeof text.text).toBe('string');
        const view = textView(bytes, `text/html; charset=${charset}`);
        if (view.isText) expect(typeof view.text).toBe('string');
      }),
      { numRuns: runs(300) },
    );
  });
});
