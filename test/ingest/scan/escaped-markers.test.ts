import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CONTEXT_MARKERS, ESCAPED_CONTEXT_MARKERS } from '../../../src/ingest/scan/markers.js';

/** The content of a JSON string literal: what the scanner sees in jsonEscaped mode. */
const escapedContent = (s: string): Buffer => Buffer.from(JSON.stringify(s).slice(1, -1), 'utf8');

const PIECES = ['"', '\\', ':', ' ', '"sErrorCode"', 'sErrorCode', 'Code', '"error"', '"error_description"', '"error_codes"', 'error', '_description', '_codes', '{', '}', 'AADSTS50126', 'IDX10223', 'x', 'é', '\n'];
const markerText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

describe('markers searched in JSON-escaped content', () => {
  const quoted = CONTEXT_MARKERS.filter((m) => m.needle.includes(0x22));
  const dropped = quoted.filter((m) => !ESCAPED_CONTEXT_MARKERS.includes(m));

  test('the plain markers left out there are exactly those whose needle holds a quote', () => {
    expect(dropped.map((m) => m.needle.toString())).toEqual(['Code"', '"error']);
  });

  test('those markers never match inside a string literal, whatever it holds', () => {
    fc.assert(
      fc.property(markerText, (text) => {
        const content = escapedContent(text);
        for (const marker of dropped) {
          for (let at = content.indexOf(marker.needle); at >= 0; at = content.indexOf(marker.needle, at + 1)) {
            if (marker.match(content, at) !== null) return false;
          }
        }
        return true;
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  test('the same texts unescaped do match, so the property is not empty', () => {
    const text = Buffer.from('{"sErrorCode":"50126","error":"invalid_grant"}');
    const hits = dropped.filter((m) => {
      const at = text.indexOf(m.needle);
      return at >= 0 && m.match(text, at) !== null;
    });
    expect(hits).toHaveLength(2);
  });
});
