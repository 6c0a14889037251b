import { describe, expect, it } from 'vitest';
import { decodeToken, tokenWarnings, type TokenWarning } from '../../src/jwt/index.js';
import { accessClaims, b64url, handMade, T0, T0_S } from './helpers/tokens.js';

const RS = { alg: 'RS256', kid: 'k1', typ: 'JWT' };

function codes(header: Record<string, unknown>, claims: Record<string, unknown>, options = {}): Array<TokenWarning['code']> {
  return tokenWarnings(decodeToken(handMade(header, claims, 'c2ln')), T0, options).map((w) => w.code);
}

describe('tokenWarnings', () => {
  it('a normal access token has nothing to say', () => {
    expect(codes(RS, accessClaims())).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, Array<TokenWarning['code']>]>([
    ['alg none', { alg: 'none' }, accessClaims(), ['alg-none']],
    ['HMAC alg', { alg: 'HS256', kid: 'k1' }, accessClaims(), ['alg-hmac']],
    ['expired', RS, accessClaims({ exp: T0_S - 1 }), ['expired']],
    ['not yet valid', RS, accessClaims({ nbf: T0_S + 120 }), ['not-yet-valid']],
    ['missing exp', RS, accessClaims({ exp: undefined }), ['no-exp']],
    ['missing kid', { alg: 'RS256' }, accessClaims(), ['no-kid']],
    ['only x5t', { alg: 'RS256', x5t: 'abc' }, accessClaims(), ['no-kid']],
    ['jku header', { ...RS, jku: 'https://evil.example/keys' }, accessClaims(), ['remote-key-header']],
    ['x5u header', { ...RS, x5u: 'https://evil.example/cert' }, accessClaims(), ['remote-key-header']],
    ['embedded jwk', { ...RS, jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } }, accessClaims(), ['embedded-jwk']],
    ['Graph nonce', { ...RS, nonce: 'n' }, accessClaims({ aud: 'https://graph.microsoft.com' }), ['graph-nonce']],
    ['no aud', RS, accessClaims({ aud: undefined }), ['no-aud']],
    ['nbf after exp', RS, accessClaims({ nbf: T0_S + 7200, exp: T0_S + 3600 }), ['not-yet-valid', 'nbf-after-exp']],
    ['access token living 25 h', RS, accessClaims({ exp: T0_S - 60 + 25 * 3600 }), ['long-lifetime']],
  ])('%s', (_name, header, claims, expected) => {
    expect(codes(header, claims)).toEqual(expected);
  });

  it('long lifetimes are fine for CAE clients up to 28 h, and for id tokens', () => {
    expect(codes(RS, accessClaims({ exp: T0_S + 26 * 3600, xms_cc: ['cp1'] }))).toEqual([]);
    expect(codes(RS, accessClaims({ exp: T0_S + 29 * 3600, xms_cc: ['cp1'] }))).toEqual(['long-lifetime']);
    const idToken = { aud: 'client', iss: 'https://login.microsoftonline.com/t/v2.0', iat: T0_S, exp: T0_S + 3 * 86_400, nonce: 'x' };
    expect(codes(RS, idToken)).toEqual([]);
    expect(codes(RS, idToken, { kind: 'access' })).toEqual(['long-lifetime']);
  });

  it('messages name the moment they are judged against', () => {
    const decoded = decodeToken(handMade(RS, accessClaims({ exp: T0_S - 7320 }), 'c2ln'));
    expect(tokenWarnings(decoded, T0, { reference: 'now' })[0]?.message).toBe('expired 2 h 2 min before now (exp 2024-05-01T07:58:00Z)');
    expect(tokenWarnings(decoded, T0)[0]?.message).toContain('before this request');
  });

  it('JWE tokens are not asked for a signing kid', () => {
    const jwe = `${b64url({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a.b.c.d`;
    expect(tokenWarnings(decodeToken(jwe), T0)).toEqual([]);
  });
});
