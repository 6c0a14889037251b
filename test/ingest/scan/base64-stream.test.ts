import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Base64StreamDecoder, base64DecodedLength, startsWithBinaryMagic } from '../../../src/ingest/scan/index.js';

function decodeInPieces(text: string, size: number): Buffer {
  const d = new Base64StreamDecoder();
  const raw = Buffer.from(text, 'latin1');
  const out: Buffer[] = [];
  for (let i = 0; i < raw.length; i += size) out.push(d.push(raw.subarray(i, i + size)));
  out.push(d.end());
  return Buffer.concat(out);
}

describe('Base64StreamDecoder', () => {
  test('any split of padded, unpadded, URL-safe and line-wrapped base64 decodes to the original bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 37 }), (bytes, size) => {
        const buf = Buffer.from(bytes);
        const padded = buf.toString('base64');
        const wrapped = padded.replace(/.{1,76}/g, '$&\r\n');
        expect(decodeInPieces(padded, size)).toEqual(buf);
        expect(decodeInPieces(buf.toString('base64url'), size)).toEqual(buf);
        expect(decodeInPieces(wrapped, size)).toEqual(buf);
      }),
    );
  });

  test('reusing one output buffer: each result, copied before the next push, decodes the same', () => {
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
    for (const text of [bytes.toString('base64'), bytes.toString('base64').replace(/.{1,76}/g, '$&\n')]) {
      for (const size of [1000, 70_001, 400_000]) {
        const d = new Base64StreamDecoder({ reuseOutput: true });
        const raw = Buffer.from(text, 'latin1');
        const out: Buffer[] = [];
        for (let i = 0; i < raw.length; i += size) out.push(Buffer.from(d.push(raw.subarray(i, i + size))));
        out.push(d.end());
        expect(Buffer.concat(out)).toEqual(bytes);
      }
    }
  });

  test('decoded length from the character count', () => {
    for (let n = 0; n < 40; n++) {
      const b64 = Buffer.alloc(n, 7).toString('base64');
      const padding = (b64.match(/=+$/)?.[0] ?? '').length;
      expect(base64DecodedLength(b64.length, padding)).toBe(n);
      expect(base64DecodedLength(b64.replace(/=+$/, '').length, 0)).toBe(n);
    }
  });
});

describe('startsWithBinaryMagic', () => {
  test('recognises media signatures and leaves text alone', () => {
    expect(startsWithBinaryMagic(Buffer.from('89504e470d0a1a0a0000000d', 'hex'))).toBe(true);
    expect(startsWithBinaryMagic(Buffer.from('ffd8ffe000104a4649460001', 'hex'))).toBe(true);
    expect(startsWithBinaryMagic(Buffer.from('wOF2\u0000\u0001\u0000\u0000', 'latin1'))).toBe(true);
    expect(startsWithBinaryMagic(Buffer.from('\u0000\u0000\u0000\u0018ftypmp42', 'latin1'))).toBe(true);
    expect(startsWithBinaryMagic(Buffer.from('{"error":"invalid_grant"}'))).toBe(false);
    expect(startsWithBinaryMagic(Buffer.from('GIF'))).toBe(false);
  });
});
