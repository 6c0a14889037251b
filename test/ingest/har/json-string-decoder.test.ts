import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { JsonStringDecoder } from '../../../src/ingest/har/json-string-decoder.js';
import { JsonStringLength } from '../../../src/ingest/har/json-string-length.js';

/** Content bytes of a literal, decoded in pieces of `size`. */
function decodeInPieces(literal: string, size: number): Buffer {
  const raw = Buffer.from(literal.slice(1, -1), 'utf8');
  const d = new JsonStringDecoder();
  const out: Buffer[] = [];
  for (let i = 0; i < raw.length; i += size) out.push(Buffer.from(d.push(raw.subarray(i, i + size))));
  out.push(d.end());
  return Buffer.concat(out);
}

const expected = (literal: string): Buffer => Buffer.from(JSON.parse(literal) as string, 'utf8');

describe('JsonStringDecoder', () => {
  test('equals JSON.parse for any string and any split', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 1, max: 13 }), (s, size) => {
        const literal = JSON.stringify(s);
        expect(decodeInPieces(literal, size)).toEqual(expected(literal));
      }),
    );
  });

  test('equals JSON.parse for any UTF-16 code units, lone surrogates included', () => {
    const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((a) => String.fromCharCode(...a));
    fc.assert(
      fc.property(units, fc.integer({ min: 1, max: 13 }), (s, size) => {
        const literal = JSON.stringify(s);
        expect(decodeInPieces(literal, size)).toEqual(expected(literal));
      }),
    );
  });

  test('escaped forms producers write: \\/, \\uXXXX for ASCII, surrogate pairs, lone surrogates', () => {
    const literals = [
      '"a\\/b\\\\c\\"d\\n\\t\\r\\b\\f"',
      '"\\u003cscript\\u003e \\u0022quoted\\u0022 \\u00e9"',
      '"\\ud83d\\ude00 and \\uD83D\\uDE00"',
      '"lone \\ud800 high, lone \\udc00 low, high then escape \\ud800\\n, at end \\ud800"',
      '"trailing backslashes \\\\\\\\"',
    ];
    for (const literal of literals) {
      for (let size = 1; size <= literal.length; size++) {
        expect(decodeInPieces(literal, size), `${literal} / ${size}`).toEqual(expected(literal));
      }
    }
  });

  test('returns the chunk itself when it holds no escape', () => {
    const d = new JsonStringDecoder();
    const chunk = Buffer.from('plain text');
    expect(d.push(chunk)).toBe(chunk);
  });
});

describe('JsonStringLength', () => {
  test('counts exactly the bytes JsonStringDecoder produces, for any split', () => {
    const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((a) => String.fromCharCode(...a));
    const odd = fc.constantFrom('\\x', '\\u12', '\\uZZZZ', '\\ud800\\n', '\\', 'plain');
    fc.assert(
      fc.property(units, odd, fc.integer({ min: 1, max: 13 }), (s, tail, size) => {
        const raw = Buffer.from(JSON.stringify(s).slice(1, -1) + tail, 'utf8');
        const counter = new JsonStringLength();
        const decoder = new JsonStringDecoder();
        let decoded = 0;
        for (let i = 0; i < raw.length; i += size) {
          counter.push(raw.subarray(i, i + size));
          decoded += decoder.push(raw.subarray(i, i + size)).length;
        }
        decoded += decoder.end().length;
        expect(counter.end()).toBe(decoded);
      }),
    );
  });
});
