import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateMember } from '../../../src/ingest/saz/zip/raw-inflater.js';

const text = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => `line ${i} of a member\r\n`).join(''));

describe('inflateMember', () => {
  it('inflates member after member with one engine', () => {
    for (const n of [0, 1, 10, 1000, 20_000]) {
      const plain = text(n);
      expect(inflateMember(deflateRawSync(plain), plain.length)).toEqual(plain);
    }
  });

  it('gives undefined when the size differs from the announced one, or the data is cut or corrupt; then works again', () => {
    const plain = text(500);
    const packed = deflateRawSync(plain);
    expect(inflateMember(packed, plain.length - 1)).toBeUndefined();
    expect(inflateMember(packed, plain.length + 10)).toBeUndefined();
    expect(inflateMember(packed.subarray(0, packed.length >> 1), plain.length)).toBeUndefined();
    expect(inflateMember(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]), 10)).toBeUndefined();
    expect(inflateMember(packed, plain.length)).toEqual(plain);
  });
});
