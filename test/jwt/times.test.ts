import { describe, expect, it } from 'vitest';
import { formatDuration, isoFromEpochSeconds, relativeTo } from '../../src/jwt/index.js';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [4, '4 s'],
    [4.4, '4 s'],
    [-4, '4 s'],
    [59.6, '1 min'],
    [60, '1 min'],
    [123, '2 min 3 s'],
    [3600, '1 h'],
    [3605, '1 h'],
    [3900, '1 h 5 min'],
    [3903, '1 h 5 min'],
    [86_400 * 3 + 7200, '3 d 2 h'],
    [86_400 + 59, '1 d'],
    [Number.NaN, 'unknown'],
  ])('%s s -> %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('relativeTo', () => {
  const at = Date.UTC(2024, 0, 1, 10, 0, 0);
  const atS = at / 1000;
  it.each([
    [atS - 4, {}, '4 s before this request'],
    [atS + 3596, {}, 'in 59 min 56 s'],
    [atS, {}, 'at this request'],
    [atS - 10_920, { reference: 'now' as const }, '3 h 2 min ago'],
    [atS + 300, { reference: 'now' as const }, 'in 5 min'],
    [atS, { reference: 'now' as const }, 'now'],
  ])('%s %o -> %s', (claim, options, text) => {
    expect(relativeTo(claim, at, options)).toBe(text);
  });

  it('sub-second request times round to the nearest second', () => {
    expect(relativeTo(atS, at + 400)).toBe('at this request');
    expect(relativeTo(atS, at + 600)).toBe('1 s before this request');
  });
});

describe('isoFromEpochSeconds', () => {
  it('formats whole seconds without milliseconds', () => {
    expect(isoFromEpochSeconds(1_714_557_600)).toBe('2024-05-01T10:00:00Z');
    expect(isoFromEpochSeconds(1_714_557_600.5)).toBe('2024-05-01T10:00:00.500Z');
  });
  it('returns undefined for values Date cannot hold', () => {
    expect(isoFromEpochSeconds(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(isoFromEpochSeconds(1e20)).toBeUndefined();
  });
});
