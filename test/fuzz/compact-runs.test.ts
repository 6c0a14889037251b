/**
 * The linear JWT finder against the regexes it replaces: the same matches on
 * any text, and linear time on the inputs that made the regexes quadratic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachCompact, REDACTION_SHAPE, replaceCompact } from '../../src/jwt/index.js';
import { jwtsInText } from '../../src/extract/tokens/candidates.js';
import { redactJwts } from '../../src/report/redact.js';
import { maskTokens } from '../../src/tui/detail/hex-dump.js';
import { runs, timed } from './settings.js';

const OLD_REDACTION = /eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*){2,4}/g;
const OLD_EXTRACTION = /eyJ[A-Za-z0-9_-]{8,}\.(?:[A-Za-z0-9_-]*\.){1,3}[A-Za-z0-9_-]*/g;

/** Text made of the pieces that matter: `eyJ`, dots, base64url characters, separators. */
const jwtSoup = fc
  .array(fc.constantFrom('eyJ', 'eyJhbGciOiJSUzI1NiJ9', '.', '..', 'a', 'Ab9', 'abcde', 'abcdef', '-', '_', ' ', '"', '=', '&', 'ey', 'J', '%22'), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('linear JWT finder', () => {
  it('redaction hides at least what the old regex hid, dots aside', () => {
    // Where a run holds more than 4 dots the old regex stopped after the fourth and could
    // leave a signature visible; redaction now takes the whole run, so it only covers more.
    const covered = (text: string, ranges: [number, number][]) => {
      const mask = new Uint8Array(text.length);
      for (const [from, to] of ranges) mask.fill(1, from, to);
      return mask;
    };
    fc.assert(
      fc.property(jwtSoup, (text) => {
        const old = [...text.matchAll(OLD_REDACTION)].map((m): [number, number] => [m.index, m.index + m[0].length]);
        const marked = replaceCompact(text, REDACTION_SHAPE, (m) => '\u0001'.repeat(m.length));
        const now = covered(text, [...marked].flatMap((c, i): [number, number][] => (c === '\u0001' ? [[i, i + 1]] : [])));
        const before = covered(text, old);
        for (let i = 0; i < text.length; i++) if (before[i] && text[i] !== '.') expect(now[i], `position ${i} of ${JSON.stringify(text)}`).toBe(1);
        const found: string[] = [];
        forEachCompact(text, REDACTION_SHAPE, (m) => void found.push(m));
        expect(found.join('')).toBe([...marked].map((c, i) => (c === '\u0001' ? text[i] : '')).join(''));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('finds exactly what the extraction regex found', () => {
    fc.assert(
      fc.property(jwtSoup, (text) => {
        const old = (text.match(OLD_EXTRACTION) ?? []).filter((m) => [2, 4].includes(m.split('.').length - 1));
        expect(jwtsInText(text)).toEqual(old);
      }),
      { numRuns: runs(2000) },
    );
  });

  it.each([
    ['eyJ repeated, no dot', 'eyJ'.repeat(400_000)],
    ['eyJ repeated, one dot at the end', `${'eyJ'.repeat(400_000)}.`],
    ['short heads between dots', 'eyJab.'.repeat(200_000)],
    ['a thousand-dot run', `eyJ${'a'.repeat(20)}${'.x'.repeat(500_000)}`],
  ])('%s: linear time on a ~1 MB run', (_name, text) => {
    timed('redactJwts', () => redactJwts(text), 2_000);
    timed('jwtsInText', () => jwtsInText(text), 2_000);
  });
});

describe('masking tokens in a hex dump', () => {
  it('hides every byte of a token and stays linear on a long eyJ run', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const masked = Buffer.from(maskTokens(Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(token), Buffer.from([0])]))).toString('latin1');
    expect(masked).toBe(`\u0000\u0001\u0002${'*'.repeat(token.length)}\u0000`);
    timed('maskTokens', () => maskTokens(Buffer.from(`\u0000${'eyJ'.repeat(400_000)}`)), 2_000);
  });
});
