import { describe, expect, test } from 'vitest';
import { describeClaim, humanSpan, isoSeconds } from '../../src/tui/format/human-time.js';
import { formatClock, formatCount, formatDurationMs, formatOffset, formatSize } from '../../src/tui/format/units.js';
import { printable, printableLines } from '../../src/tui/text/sanitize.js';
import { wordWrap, wrapStyled, fitLine, lineText } from '../../src/tui/text/styled.js';

describe('units', () => {
  test.each([
    [0, '0'],
    [999, '999'],
    [1536, '1.5k'],
    [250_000, '244k'],
    [3_400_000, '3.2M'],
    [-1, '-'],
  ])('size %d → %s', (n, s) => expect(formatSize(n)).toBe(s));
  test.each([
    [87.4, '87ms'],
    [1234, '1.2s'],
    [42_000, '42s'],
    [125_000, '2m05s'],
    [-1, '-'],
  ])('duration %d → %s', (n, s) => expect(formatDurationMs(n)).toBe(s));
  test.each([
    [0, '0.000'],
    [12_345, '12.345'],
    [62_300, '1:02.3'],
    [3_723_000, '1:02:03'],
  ])('offset %d → %s', (n, s) => expect(formatOffset(n)).toBe(s));
  test('clock and counts', () => {
    expect(formatClock(Date.UTC(2024, 4, 14, 9, 30, 1, 234))).toBe('2024-05-14 09:30:01.234Z');
    expect(formatCount(100000)).toBe('100,000');
  });
});

describe('human times relative to the request', () => {
  const request = Date.UTC(2024, 4, 14, 10, 0, 0);
  const s = request / 1000;
  test.each([
    ['exp', s - 4, 'expired 4 s before this request'],
    ['exp', s + 59 * 60 + 30, 'valid for 59 min more'],
    ['exp', s + 125, 'valid for 2 min 5 s more'],
    ['iat', s - 2, 'issued 2 s before this request'],
    ['iat', s + 90, 'issued 1 min 30 s after this request (clock skew?)'],
    ['nbf', s + 600, 'not valid until 10 min after this request'],
    ['nbf', s - 3 * 86400 - 7200, 'valid since 3 d 2 h before this request'],
  ] as const)('%s %d', (claim, value, text) => expect(describeClaim(claim, value, request)).toBe(text));
  test('spans and ISO', () => {
    expect(humanSpan(3600 + 180)).toBe('1 h 3 min');
    expect(humanSpan(3605)).toBe('1 h');
    expect(isoSeconds(1715680800)).toBe('2024-05-14T10:00:00Z');
    expect(isoSeconds(Number.NaN)).toBeUndefined();
  });
});

describe('screen text safety and wrapping', () => {
  test('escape sequences from a trace cannot reach the terminal', () => {
    expect(printable('a\u001b]0;pwned\u0007b\r\nc\u202e')).toBe('a·]0;pwned·b··c·');
    expect(printableLines('x\ty\r\nz')).toEqual(['x  y', 'z']);
  });
  test('word wrap keeps prose within the width, splitting only words that are too long', () => {
    const lines = wordWrap('the quick brown fox jumps over the lazy dog', 16, 2);
    expect(lines.every((l) => l.length <= 16)).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe('the quick brown fox jumps over the lazy dog');
    const url = wordWrap(`jwksUri: https://${'x'.repeat(100)}`, 40, 4);
    expect(url[0]).toMatch(/^ {4}jwksUri: https:\/\/x+$/);
    expect(url.every((l) => l.length <= 40)).toBe(true);
  });
  test('styled lines wrap and fit to a width', () => {
    const wrapped = wrapStyled([{ text: 'Host: ' }, { text: 'y'.repeat(30) }], 12);
    expect(wrapped.map(lineText).every((l) => l.length <= 12)).toBe(true);
    expect(lineText(fitLine([{ text: 'abcdef' }], 4))).toBe('abc…');
    expect(lineText(fitLine([{ text: 'ab' }], 4))).toBe('ab  ');
  });
});
