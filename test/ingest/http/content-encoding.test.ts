import { randomBytes } from 'node:crypto';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ASYNC_DECODE_BYTES, decodeContentCodings, decodeContentCodingsAsync, parseCodings } from '../../../src/ingest/http/index.js';

const text = '{"error":"invalid_grant","error_description":"AADSTS70008: The provided authorization code or refresh token has expired."}';
const plain = Buffer.from(text);

describe('parseCodings', () => {
  it('lower-cases, trims and drops identity', () => {
    expect(parseCodings(' GZIP , identity,br ')).toEqual(['gzip', 'br']);
    expect(parseCodings(undefined)).toEqual([]);
  });
});

describe('decodeContentCodings', () => {
  const table: [string, Buffer, string[]][] = [
    ['gzip', gzipSync(plain), ['gzip']],
    ['x-gzip', gzipSync(plain), ['x-gzip']],
    ['deflate (zlib wrapper)', deflateSync(plain), ['deflate']],
    ['deflate (raw, as some servers send it)', deflateRawSync(plain), ['deflate']],
    ['br', brotliCompressSync(plain), ['br']],
    ['gzip then br (undone in reverse order)', brotliCompressSync(gzipSync(plain)), ['gzip', 'br']],
  ];

  it.each(table)('%s', (_name, encoded, codings) => {
    const result = decodeContentCodings(encoded, codings);
    expect(result.body.toString()).toBe(text);
    expect(result.decodedFrom).toEqual([...codings].reverse());
    expect(result.problem).toBeUndefined();
  });

  it.each(table)('async: %s', async (_name, encoded, codings) => {
    const result = await decodeContentCodingsAsync(encoded, codings);
    expect(result.body.toString()).toBe(text);
    expect(result.decodedFrom).toEqual([...codings].reverse());
  });

  it('decodes large bodies on the thread pool with the same result', async () => {
    // Random bytes do not compress, so the gzip input is above the thread-pool threshold.
    const big = randomBytes(ASYNC_DECODE_BYTES + 100_000);
    const gz = gzipSync(big);
    expect(gz.length).toBeGreaterThan(ASYNC_DECODE_BYTES);
    const result = await decodeContentCodingsAsync(gz, ['gzip']);
    expect(result.body.equals(big)).toBe(true);
    expect(result.decodedFrom).toEqual(['gzip']);
  });

  it('keeps zstd (Node 20 has no zstd) and unknown codings raw, saying why', () => {
    const zstd = decodeContentCodings(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]), ['zstd']);
    expect(zstd.body).toEqual(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]));
    expect(zstd.decodedFrom).toEqual([]);
    expect(zstd.problem).toBe('undecodable content-encoding: zstd');
    expect(decodeContentCodings(plain, ['compress']).problem).toBe('undecodable content-encoding: compress');
  });

  it('keeps the decoded prefix of a truncated gzip body', () => {
    const big = Buffer.from(text.repeat(200));
    const gz = gzipSync(big);
    const result = decodeContentCodings(gz.subarray(0, Math.floor(gz.length / 2)), ['gzip']);
    expect(result.problem).toBe('truncated or corrupt gzip data; kept what decoded');
    expect(result.body.length).toBeGreaterThan(0);
    expect(big.subarray(0, result.body.length).equals(result.body)).toBe(true);
  });

  it('never throws on garbage; keeps the bytes', () => {
    const garbage = Buffer.from('definitely not gzip');
    for (const coding of ['gzip', 'deflate', 'br']) {
      const result = decodeContentCodings(garbage, [coding]);
      expect(result.body).toBe(garbage);
      expect(result.problem).toBe(`corrupt ${coding} data; kept encoded`);
    }
  });

  it('bounds the decoded size (gzip bombs)', () => {
    const bomb = gzipSync(Buffer.alloc(1 << 20));
    const result = decodeContentCodings(bomb, ['gzip'], 64 * 1024);
    expect(result.body).toBe(bomb);
    expect(result.problem).toBe('gzip body decodes to more than 65536 bytes; kept encoded');
  });

  it('leaves an empty body alone', () => {
    expect(decodeContentCodings(Buffer.alloc(0), ['gzip'])).toEqual({ body: Buffer.alloc(0), decodedFrom: [] });
  });
});
