import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyMarks, jsonWorthParsing, type BodyMarks } from '../../src/extract/util/body.js';
import { urlParams } from '../../src/extract/util/url.js';
import { hostOf, originOf, pathOf } from '../../src/extract/util/url.js';

describe('which JSON bodies are parsed', () => {
  it.each([
    '{"access_token":"opaque-value","expires_in":3599}',
    '{"id_token_hint":"x"}',
    '{"refresh_token":"0.AXoA"}',
    '{"client_assertion":"x"}',
    '{"token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"}',
    '{"keys":[{"kty":"RSA","kid":"k"}]}',
    '{"issuer":"https://x","jwks_uri":"https://x/keys"}',
    '{"issuer":"https://x","token_endpoint":"https://x/token"}',
    '{"error":"invalid_grant","error_description":"AADSTS70008: expired"}',
    '{"error_codes":[70008]}',
    '{"html":"<input type=hidden name=code value=x>"}',
  ])('parses %s', (text) => {
    expect(jsonWorthParsing(text)).toEqual(JSON.parse(text));
  });

  it('skips bodies none of whose members extract reads, unless asked to parse always', () => {
    const plain = '{"items":[{"id":1,"name":"Grüße"}],"next":null}';
    expect(jsonWorthParsing(plain)).toBeUndefined();
    expect(jsonWorthParsing(plain, true)).toEqual(JSON.parse(plain));
  });

  it('never parses what is not an object, or beyond 1 MiB', () => {
    expect(jsonWorthParsing('["access_token"]')).toBeUndefined();
    expect(jsonWorthParsing('access_token=x')).toBeUndefined();
    expect(jsonWorthParsing(`{"access_token":"${'x'.repeat(1 << 20)}"}`)).toBeUndefined();
  });
});

/** The gate: false only when the text holds nothing extract looks for in a response body. */
function mayHoldMarkers(text: string): boolean {
  const m = bodyMarks(text);
  return m.jwt || m.input || m.code || m.json;
}

describe('the one-pass marker check', () => {
  const needles = ['eyJ', 'access_token', 'id_token', 'refresh_token', 'client_assertion', '"keys"', 'jwks_uri', 'token_endpoint', 'error_codes', 'error_description', '<input', '<INPUT', 'AADSTS', 'IDX1', 'sErrorCode'];

  it('finds each thing extract searches response bodies for', () => {
    for (const n of needles) expect(mayHoldMarkers(`{"a":"x ${n} y"}`)).toBe(true);
    expect(mayHoldMarkers('{"items":[{"id":1,"name":"Grüße 日本"}],"IDX":"no digit"}')).toBe(false);
  });

  it('is true whenever a later search could match (text of random pieces)', () => {
    const piece = fc.constantFrom(...needles, 'ey', 'J', 'IDX', '1', 'error', '_', 'token', 'AADST', 'S', '<inp', 'ut', 'x', ' ', '"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const later = jsonWorthParsing(`{"t":${JSON.stringify(text)}}`) !== undefined || /AADSTS|IDX\d|sErrorCode|eyJ|<input|<INPUT/.test(text);
        if (later) expect(mayHoldMarkers(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the families of markers a text holds', () => {
  const read = (m: BodyMarks) => ({ jwt: m.jwt, input: m.input, code: m.code, json: m.json });
  const pieces = ['eyJ', 'IDXIDX', 'IDX9', 'access_token', 'client_assertion', '"keys"', 'jwks_uri', 'token_endpoint', 'error_', '<input', '<INPUT', 'AADSTS', 'IDX1', 'sErrorCode', 'ey', 'J', 'IDX', '1', 'error', '_', 'token', 'AADST', 'S', '<inp', 'ut', 'x', ' ', '"'];

  it('agree with a search for each family on its own (text of random pieces)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const marks = read(bodyMarks(text));
        const input = /<input|<INPUT/.test(text);
        expect(marks).toEqual({
          jwt: text.includes('eyJ'),
          input,
          code: /AADSTS|IDX\d|sErrorCode/.test(text),
          json: /eyJ|_token|token_endpoint|error_|"keys"|jwks_uri|client_assertion|<input|<INPUT/.test(text),
        });
        expect(Object.values(marks).some(Boolean)).toBe(/eyJ|_token|token_endpoint|error_|"keys"|jwks_uri|client_assertion|<input|<INPUT|AADSTS|IDX\d|sErrorCode/.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('find a family that appears only after the others', () => {
    expect(read(bodyMarks('AADSTS50011 then IDX10223 then a "keys" member'))).toEqual({ jwt: false, input: false, code: true, json: true });
    expect(read(bodyMarks('sErrorCode first, <INPUT later'))).toEqual({ jwt: false, input: true, code: true, json: true });
    expect(read(bodyMarks(`${'x'.repeat(5000)}error_ <input AADSTS50011 ${'y'.repeat(5000)} eyJhbGciOi`))).toEqual({ jwt: true, input: true, code: true, json: true });
    expect(read(bodyMarks('"keys" then nothing else'))).toEqual({ jwt: false, input: false, code: false, json: true });
    expect(read(bodyMarks('plain text'))).toEqual({ jwt: false, input: false, code: false, json: false });
  });
});

describe('URL parameters', () => {
  it('answer for the URL asked, whatever was asked before', () => {
    const a = 'https://app.contoso.com/cb?code=abc&state=s1#id_token=x';
    const b = 'https://app.contoso.com/cb?state=s2';
    const c = 'https://app.contoso.com/plain';
    const seen = [a, b, c, a, c, b, a].map((u) => [Object.fromEntries(urlParams(u).query), Object.fromEntries(urlParams(u).fragment)]);
    expect(seen.map(([q]) => q)).toEqual([{ code: 'abc', state: 's1' }, { state: 's2' }, {}, { code: 'abc', state: 's1' }, {}, { state: 's2' }, { code: 'abc', state: 's1' }]);
    expect(seen[0]![1]).toEqual({ id_token: 'x' });
  });
});

describe('URL parts', () => {
  it('answer for the URL asked, whatever was asked before', () => {
    const a = 'https://Login.MicrosoftOnline.com:443/Common/OAuth2/v2.0/Token?x=1';
    const b = 'http://api.contoso.com:8080/Items#frag';
    expect([hostOf(a), hostOf(b), hostOf(a)]).toEqual(['login.microsoftonline.com', 'api.contoso.com:8080', 'login.microsoftonline.com']);
    expect([pathOf(b), pathOf(a)]).toEqual(['/items', '/common/oauth2/v2.0/token']);
    expect([originOf(a), originOf(b), originOf('not a url')]).toEqual(['https://login.microsoftonline.com', 'http://api.contoso.com:8080', '']);
    expect(hostOf('not a url')).toBe('');
  });
});
