import { describe, expect, test } from 'vitest';
import { parseHarTime } from '../../../src/ingest/har/iso-time.js';

describe('parseHarTime', () => {
  test('Z, local offsets, and more than three fractional digits', () => {
    expect(parseHarTime('2023-07-13T12:32:30.956Z')).toBe(Date.UTC(2023, 6, 13, 12, 32, 30, 956));
    expect(parseHarTime('2023-03-29T16:58:59.303-07:00')).toBe(Date.UTC(2023, 2, 29, 23, 58, 59, 303));
    expect(parseHarTime('2024-11-14T14:59:42.210687+00:00')).toBeCloseTo(Date.UTC(2024, 10, 14, 14, 59, 42) + 210.687, 3);
    expect(parseHarTime('2024-01-01T10:00:00.1234567+02:00')).toBeCloseTo(Date.UTC(2024, 0, 1, 8, 0, 0) + 123.4567, 4);
    expect(parseHarTime('2024-01-01T10:00:00+0530')).toBe(Date.UTC(2024, 0, 1, 4, 30, 0));
    expect(parseHarTime('2024-01-01T10:00Z')).toBe(Date.UTC(2024, 0, 1, 10, 0, 0));
  });

  test('no offset is read as UTC, whatever the machine time zone', () => {
    expect(parseHarTime('2024-01-01T10:00:00.5')).toBe(Date.UTC(2024, 0, 1, 10, 0, 0, 500));
    expect(parseHarTime('2024-01-01 10:00:00')).toBe(Date.UTC(2024, 0, 1, 10, 0, 0));
  });

  test('other zoned shapes through Date.parse, garbage is NaN', () => {
    expect(parseHarTime('Mon, 01 Jan 2024 10:00:00 GMT')).toBe(Date.UTC(2024, 0, 1, 10, 0, 0));
    expect(parseHarTime('yesterday')).toBeNaN();
    expect(parseHarTime('2024-13-01T00:00:00Z')).toBeNaN();
    expect(parseHarTime(1704103200000)).toBeNaN();
    expect(parseHarTime(undefined)).toBeNaN();
  });
});
