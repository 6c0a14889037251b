import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiHeadLines, headLines } from '../../../src/ingest/http/head.js';

/** Heads made of the bytes that matter to the parser (line ends, folds, colons, spaces, controls). */
const piece = fc.constantFrom('\r\n', '\n', '\r', ' ', '\t', '\v', '\f', ':', ': ', 'Host', 'X-A', 'value', 'a b', '\u0000', '\u001f', '~');
const head = fc.array(piece, { maxLength: 60 }).map((parts) => Buffer.from(parts.join(''), 'latin1'));

describe('reading an ASCII head from its bytes', () => {
  it('gives what reading it as text gives', () => {
    fc.assert(
      fc.property(head, (bytes) => {
        expect(asciiHeadLines(bytes)).toEqual(headLines(bytes.toString('latin1')));
      }),
      { numRuns: 2000 },
    );
  });

  it('joins a folded line to a long value', () => {
    const bytes = Buffer.from(`GET / HTTP/1.1\r\nAuthorization: Bearer ${'a'.repeat(40)}\r\n  folded part\r\n\r\n`, 'latin1');
    expect(asciiHeadLines(bytes)).toEqual({
      startLine: 'GET / HTTP/1.1',
      headers: [{ name: 'Authorization', value: `Bearer ${'a'.repeat(40)} folded part` }],
      malformed: 0,
    });
  });
});
