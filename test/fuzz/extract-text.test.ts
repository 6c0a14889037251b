/**
 * The text parsers of extract: WWW-Authenticate challenges, AADSTS/IDX codes,
 * the login page's $Config codes, IdentityModel message details, URL helpers.
 * Never a throw, bounded results, linear time on adversarial repetitions, and
 * round trips where the input was well formed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAadsts, findConfigErrors, findIdx, hostOf, parseIdxDetails, parseWwwAuthenticate, safeUrl, urlParams } from '../../src/extract/index.js';
import { anyText, nastyText, NASTY_PIECES } from './arbitraries.js';
import { runs, timed } from './settings.js';

const token = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}$/);
/** Adversarial repetitions: one nasty piece (or a label the parsers look for) many thousand times. */
const repeated = fc
  .tuple(fc.constantFrom(...NASTY_PIECES, '[PII is hidden', "kid: '", "Keys tried: '", "Audiences: '", 'ValidAudience: \'', 'AADSTS1234', '"sErrTxt":"', 'a="', 'Bearer x, '), fc.integer({ min: 1000, max: 30_000 }))
  .map(([piece, n]) => piece.repeat(n));
const hostileText = fc.oneof(anyText, nastyText(200), repeated);

describe('WWW-Authenticate', () => {
  it('never throws and returns string schemes and params', () => {
    fc.assert(
      fc.property(hostileText, (header) => {
        const challenges = timed('parseWwwAuthenticate', () => parseWwwAuthenticate(header), 1000);
        for (const c of challenges) {
          expect(typeof c.scheme).toBe('string');
          for (const v of Object.values(c.params)) expect(typeof v).toBe('string');
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('reads back any well-formed list of challenges', () => {
    const value = fc.string({ maxLength: 30 }).filter((v) => !/[\r\n]/.test(v));
    const challenge = fc.record({
      scheme: token,
      params: fc.uniqueArray(fc.tuple(token, value), { maxLength: 4, selector: ([name]) => name.toLowerCase() }),
    });
    fc.assert(
      fc.property(fc.array(challenge, { minLength: 1, maxLength: 3 }), fc.constantFrom(', ', ',', ' ,  '), (list, sep) => {
        const text = list
          .map((c) => [c.scheme, c.params.map(([n, v]) => `${n}="${v.replace(/[\\"]/g, '\\$&')}"`).join(sep)].filter(Boolean).join(' '))
          .join(sep);
        const parsed = parseWwwAuthenticate(text);
        expect(parsed.map((c) => c.scheme)).toEqual(list.map((c) => c.scheme));
        parsed.forEach((c, i) => expect(c.params).toEqual(Object.fromEntries(list[i]!.params.map(([n, v]) => [n.toLowerCase(), v]))));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('error codes in text', () => {
  it('never throw, stay bounded and well formed', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const hits = timed('find codes', () => [...findAadsts(text), ...findIdx(text), ...findConfigErrors(text)], 1000);
        expect(hits.length).toBeLessThanOrEqual(150);
        for (const h of hits) {
          expect(h.code).toMatch(/^(AADSTS\d{4,7}|IDX\d{5})$/);
          expect(typeof h.message).toBe('string');
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('find a code put anywhere in any text', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.integer({ min: 1000, max: 9_999_999 }), fc.integer({ min: 10000, max: 99999 }), (before, after, aad, idx) => {
        const text = `${before} AADSTS${aad}: failed. IDX${idx}: failed. ${after}`;
        const aadHits = findAadsts(text);
        if (aadHits.length < 50) expect(aadHits.map((h) => h.code)).toContain(`AADSTS${aad}`);
        const idxHits = findIdx(text);
        if (idxHits.length < 50) expect(idxHits.map((h) => h.code)).toContain(`IDX${idx}`);
      }),
      { numRuns: runs(300) },
    );
  });

  it('IdentityModel message details: never a throw, only string values', () => {
    fc.assert(
      fc.property(hostileText, (message) => {
        const d = timed('parseIdxDetails', () => parseIdxDetails(message), 1000);
        for (const v of Object.values(d)) expect(typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('URL helpers', () => {
  it('never throw and agree with the URL parser', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), hostileText), (raw) => {
        let parsed: URL | undefined;
        try {
          parsed = new URL(raw);
        } catch {
          parsed = undefined;
        }
        expect(safeUrl(raw)?.href).toBe(parsed?.href);
        expect(hostOf(raw)).toBe(parsed?.host.toLowerCase() ?? '');
        const params = timed('urlParams', () => urlParams(raw), 1000);
        for (const [k, v] of [...params.query, ...params.fragment]) expect([typeof k, typeof v]).toEqual(['string', 'string']);
      }),
      { numRuns: runs(300) },
    );
  });
});
