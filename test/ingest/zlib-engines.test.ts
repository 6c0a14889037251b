import { deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipExact, gunzipInPieces, gzipAnnouncedSize, inflateRawExact } from '../../src/ingest/zlib-engines.js';

const text = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => `line ${i} of a member\r\n`).join(''));

describe('inflateRawExact', () => {
  it('inflates member after member with one engine', () => {
    for (const n of [0, 1, 10, 1000, 20_000]) {
      const plain = text(n);
      expect(inflateRawExact(deflateRawSync(plain), plain.length)?.equals(plain)).toBe(true);
    }
  });

  it('gives undefined when the size differs from the announced one, or the data is cut or corrupt; then works again', () => {
    const plain = text(500);
    const packed = deflateRawSync(plain);
    expect(inflateRawExact(packed, plain.length - 1)).toBeUndefined();
    expect(inflateRawExact(packed, plain.length + 10)).toBeUndefined();
    expect(inflateRawExact(packed.subarray(0, packed.length >> 1), plain.length)).toBeUndefined();
    expect(inflateRawExact(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]), 10)).toBeUndefined();
    expect(inflateRawExact(packed, plain.length)?.equals(plain)).toBe(true);
  });
});

function gunzipped(data: Buffer, max = 1 << 30): { total: number | undefined; bytes: Buffer } {
  const pieces: Buffer[] = [];
  const total = gunzipInPieces(data, max, (p) => pieces.push(Buffer.from(p)));
  return { total, bytes: Buffer.concat(pieces) };
}

describe('gunzipInPieces', () => {
  it('hands out the whole output in pieces, for small, large and multi-member input', () => {
    for (const plain of [Buffer.alloc(0), text(3), text(100_000)]) {
      const { total, bytes } = gunzipped(gzipSync(plain));
      expect(total).toBe(plain.length);
      expect(bytes.equals(plain)).toBe(true);
    }
    const two = Buffer.concat([gzipSync(text(10)), gzipSync(text(20))]);
    expect(gunzipped(two).bytes.equals(Buffer.concat([text(10), text(20)]))).toBe(true);
  });

  it('gives undefined for cut or corrupt data and past the limit; then works again', () => {
    const plain = text(50_000);
    const packed = gzipSync(plain);
    expect(gunzipped(packed.subarray(0, packed.length - 100)).total).toBeUndefined();
    expect(gunzipped(Buffer.from('not gzip at all')).total).toBeUndefined();
    expect(gunzipped(packed, plain.length - 1).total).toBeUndefined();
    const again = gunzipped(packed);
    expect(again.total).toBe(plain.length);
    expect(again.bytes.equals(plain)).toBe(true);
  });
});

describe('gunzipExact', () => {
  it('decodes into a buffer of the announced size', () => {
    const plain = text(2000);
    const packed = gzipSync(plain);
    expect(gzipAnnouncedSize(packed)).toBe(plain.length);
    expect(gunzipExact(packed, 1 << 30)?.equals(plain)).toBe(true);
  });

  it('gives undefined for several members, a wrong trailer, cut data or past the limit', () => {
    const plain = text(2000);
    const packed = gzipSync(plain);
    expect(gunzipExact(Buffer.concat([gzipSync(text(5)), packed]), 1 << 30)).toBeUndefined();
    const lying = Buffer.from(packed);
    lying.writeUInt32LE(plain.length - 7, lying.length - 4);
    expect(gunzipExact(lying, 1 << 30)).toBeUndefined();
    expect(gunzipExact(packed.subarray(0, packed.length - 10), 1 << 30)).toBeUndefined();
    expect(gunzipExact(packed, plain.length - 1)).toBeUndefined();
    expect(gzipAnnouncedSize(Buffer.from('plain text, not gzip'))).toBe(-1);
    expect(gunzipExact(packed, 1 << 30)?.equals(plain)).toBe(true);
  });
});
