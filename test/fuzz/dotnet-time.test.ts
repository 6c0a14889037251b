/**
 * parseDotNetTime reads Fiddler's usual timestamp shape by character codes and any
 * other through the regular expression. The two must agree bit for bit: a leading
 * space always sends a text down the general path (which trims), so each text is
 * read both ways and compared.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDotNetTime } from '../../src/ingest/saz/dotnet-time.js';
import { runs } from './settings.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Round-trip timestamps as .NET writes them, with the odd values a hostile _m.xml may hold. */
const roundTrip = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(1, 99, 100, 999, 1000, 1970, 2024)),
    month: fc.integer({ min: 0, max: 19 }),
    day: fc.integer({ min: 0, max: 39 }),
    hour: fc.integer({ min: 0, max: 29 }),
    minute: fc.integer({ min: 0, max: 69 }),
    second: fc.integer({ min: 0, max: 69 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,8}$/), { nil: undefined }),
    zone: fc.constantFrom('', 'Z', '+00:00', '-06:00', '+05:30', '+14:00', '-12:45', '+0530', '+5:30', 'z', '+05:3x', ' '),
  })
  .map((t) => `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}${t.fraction === undefined ? '' : `.${t.fraction}`}${t.zone}`);

describe('parseDotNetTime: the fast shape and the general path agree', () => {
  it('on generated round-trip timestamps', () => {
    fc.assert(
      fc.property(roundTrip, (text) => {
        expect(Object.is(parseDotNetTime(text), parseDotNetTime(` ${text}`))).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(Object.is(parseDotNetTime(text), parseDotNetTime(` ${text}`))).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });
});
