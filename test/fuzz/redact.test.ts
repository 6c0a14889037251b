/**
 * Redaction on any text: never a throw, linear time, a JWT put anywhere is
 * gone (signature included) in the display style and in the --sanitize style,
 * secret fields lose their values, and redacting twice changes nothing more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactHeader, redactJsonFields, redactJwts, redactText, redactUrl, redactUrlEncoded, SECRET_FIELDS } from '../../src/report/redact.js';
import { sanitizeStyle } from '../../src/report/sanitize/style.js';
import { anyText, jwsArb, nastyText, NASTY_PIECES } from './arbitraries.js';
import { runs, timed } from './settings.js';

const repeated = fc.tuple(fc.constantFrom(...NASTY_PIECES, 'eyJ', 'eyJab.', 'a=', '"code":"', '<input name=code value="'), fc.integer({ min: 1000, max: 100_000 })).map(([p, n]) => p.repeat(n));
const hostileText = fc.oneof(anyText, nastyText(200), repeated);
const headerName = fc.oneof(fc.constantFrom('Authorization', 'authorization', 'Proxy-Authorization', 'Cookie', 'Set-Cookie', 'Location', 'Referer', ':path', 'X-Api-Key', 'X-Other'), fc.string({ maxLength: 10 }));
const sanitize = sanitizeStyle();

/** A JWS whose signature is long enough that finding it in output means it leaked. */
const jws = jwsArb.filter((t) => t.split('.')[2]!.length >= 22);

describe('redaction never fails', () => {
  it('no throw and linear time on any text, header or URL', () => {
    fc.assert(
      fc.property(hostileText, headerName, (text, name) => {
        timed('redactText', () => redactText(text), 1000);
        timed('redactText (sanitize)', () => redactText(text, sanitize), 1000);
        timed('redactUrl', () => redactUrl(text), 1000);
        timed('redactHeader', () => redactHeader(name, text), 1000);
        timed('redactJsonFields', () => redactJsonFields(text), 1000);
        timed('redactUrlEncoded', () => redactUrlEncoded(text), 1000);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('a JWT anywhere is gone', () => {
  it('in free text, URLs and any header, in both styles', () => {
    fc.assert(
      fc.property(anyText, jws, anyText, headerName, (before, token, after, name) => {
        const sig = token.split('.')[2]!;
        const text = before + token + after;
        for (const [where, out] of [
          ['redactText', redactText(text)],
          ['redactJwts', redactJwts(text)],
          ['redactUrl', redactUrl(text)],
          ['redactHeader', redactHeader(name, text)],
          ['redactText sanitize', redactText(text, sanitize)],
          ['redactHeader sanitize', redactHeader(name, text, sanitize)],
        ] as const) {
          expect(out.includes(sig), `${where} kept the signature`).toBe(false);
        }
      }),
      { numRuns: runs(500) },
    );
  });

  it('glued to token-like text on both sides', () => {
    const glue = fc.array(fc.constantFrom('eyJ', 'eyJabcdefgh', '.', 'x', '-', '_', '0', 'eyJabcdefgh.x.y.'), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(glue, jws, glue, (before, token, after) => {
        const sig = token.split('.')[2]!;
        expect(redactText(before + token + after).includes(sig), 'display style').toBe(false);
        expect(redactText(before + token + after, sanitize).includes(sig), 'sanitize style').toBe(false);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('secret fields', () => {
  const secretName = fc.constantFrom(...SECRET_FIELDS);
  // Entra authorization codes start "0.A"/"1.A"; short word-like "code" values are error names and stay.
  const secretValue = fc.stringMatching(/^[01]\.A[A-Za-z0-9~._-]{12,40}$/);

  it('lose their values in query strings, form bodies and JSON', () => {
    fc.assert(
      fc.property(secretName, secretValue, anyText.map((s) => s.replace(/[&=#?;"\\]|[\ud800-\udfff]/g, '')), (name, value, other) => {
        const url = `https://a.example/cb?x=${encodeURIComponent(other)}&${name}=${value}#s=1`;
        expect(redactUrl(url)).not.toContain(value);
        expect(redactText(`a=1&${name}=${value}`)).not.toContain(value);
        expect(redactText(`{"x":${JSON.stringify(other)},"${name}":"${value}"}`)).not.toContain(value);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('redacting twice', () => {
  it('changes nothing more than redacting once', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.tuple(anyText, jws, anyText).map((p) => p.join('')), fc.tuple(fc.constantFrom(...SECRET_FIELDS), jws).map(([n, t]) => `{"${n}":"${t}","${n}":"plain"}&${n}=${t}`)), (text) => {
        const once = redactText(text);
        expect(redactText(once)).toBe(once);
      }),
      { numRuns: runs(300) },
    );
  });
});
