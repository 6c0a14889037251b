/**
 * The linear JWT finder against the regexes it replaces: the same matches on
 * any text, and linear time on the inputs that made the regexes quadratic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachCompact, REDACTION_SHAPE, replaceCompact } from '../../src/jwt/index.js';
import { jwtsInText } from '../../src/extract/tokens/candidates.js';
import { redactJwts } from '../../src/report/redact.js';
import { runs, timed } from './settings.js';

const OLD_REDACTION = /eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*){2,4}/g;
const OLD_EXTRACTION = /eyJ[A-Za-z0-9_-]{8,}\.(?:[A-Za-z0-9_-]*\.){1,3}[A-Za-z0-9_-]*/g;

/** Text made of the pieces that matter: `eyJ`, dots, base64url characters, separators. */
const jwtSoup = fc
  .array(fc.constantFrom('eyJ', 'eyJhbGciOiJSUzI1NiJ9', '.', '..', 'a', 'Ab9', 'abcde', 'abcdef', '-', '_', ' ', '"', '=', '&', 'ey', 'J', '%22'), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('linear JWT finder', () => {
  it('finds exactly what the redaction regex found', () => {
    fc.assert(
      fc.property(jwtSoup, (text) => {
        const found: string[] = [];
        forEachCompact(text, REDACTION_SHAPE, (m) => void found.push(m));
        expect(found).toEqual(text.match(OLD_REDACTION) ?? []);
        expect(replaceCompact(text, REDACTION_SHAPE, (m) => `<${m.length}>`)).toBe(text.replace(OLD_REDACTION, (m) => `<${m.length}>`));
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
