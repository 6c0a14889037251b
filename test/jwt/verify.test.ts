import { generateSecret, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeToken, verifySignature, type JsonWebKey } from '../../src/jwt/index.js';
import { selfSignedX5c } from './helpers/self-signed-cert.js';
import { accessClaims, b64url, handMade, makeKey, signRaw, signToken, tamperPayload, type TestKey } from './helpers/tokens.js';

let rsa: TestKey;
let ec: TestKey;
let otherRsa: TestKey;
let jwks: JsonWebKey[];

beforeAll(async () => {
  [rsa, ec, otherRsa] = await Promise.all([makeKey('RS256', 'rsa-1'), makeKey('ES256', 'ec-1'), makeKey('RS256', 'rsa-2')]);
  jwks = [rsa.jwk, ec.jwk];
});

describe('verifySignature', () => {
  it('RS256 token whose kid is in the key set verifies', async () => {
    const token = await signToken(rsa, accessClaims());
    expect(await verifySignature(token, jwks)).toEqual({ status: 'valid', detail: 'signature verifies (matched by kid)', matchedKid: 'rsa-1' });
  });

  it('ES256 token verifies', async () => {
    const token = await signToken(ec, accessClaims());
    expect(await verifySignature(token, jwks)).toMatchObject({ status: 'valid', matchedKid: 'ec-1' });
  });

  it('tampered payload is invalid (RS256 and ES256)', async () => {
    for (const key of [rsa, ec]) {
      const token = tamperPayload(await signToken(key, accessClaims()), (c) => {
        c.scp = 'Orders.Read Orders.Write Admin.All';
      });
      expect(await verifySignature(token, jwks)).toMatchObject({ status: 'invalid', matchedKid: key.kid });
    }
  });

  it('token signed by a key that reuses a published kid is invalid', async () => {
    const token = await signToken(otherRsa, accessClaims(), { kid: 'rsa-1' });
    const result = await verifySignature(token, jwks);
    expect(result.status).toBe('invalid');
    expect(result.detail).toContain('kid rsa-1');
  });

  it('kid missing from the key set is key-not-found', async () => {
    const token = await signToken(otherRsa, accessClaims());
    const result = await verifySignature(token, jwks);
    expect(result.status).toBe('key-not-found');
    expect(result.detail).toBe('kid rsa-2 is not in the 2 captured key(s)');
    expect(await verifySignature(token, [])).toMatchObject({ status: 'key-not-found' });
  });

  it('falls back to x5t when the kid is unknown', async () => {
    const token = await signToken(rsa, accessClaims(), { kid: 'rotated-name', x5t: 'rsa-1-x5t' });
    expect(await verifySignature(token, jwks)).toEqual({ status: 'valid', detail: 'signature verifies (matched by x5t)', matchedKid: 'rsa-1' });
  });

  it('a token naming no key is tried against every key', async () => {
    const token = await signToken(ec, accessClaims(), {});
    expect(await verifySignature(token, jwks)).toMatchObject({ status: 'valid', matchedKid: 'ec-1' });
    const stranger = await signToken(otherRsa, accessClaims(), {});
    expect(await verifySignature(stranger, jwks)).toMatchObject({ status: 'key-not-found' });
  });

  it('JWKS entries with only x5c are imported from the certificate', async () => {
    for (const [key, kind] of [[rsa, 'rsa'], [ec, 'ec']] as const) {
      const certOnly: JsonWebKey = { kty: key.jwk.kty, kid: 'cert-only', use: 'sig', x5c: [await selfSignedX5c(key.publicKey, key.privateKey, kind)] };
      const token = await signToken(key, accessClaims(), { kid: 'cert-only' });
      expect(await verifySignature(token, [certOnly])).toMatchObject({ status: 'valid', matchedKid: 'cert-only' });
      const tampered = tamperPayload(token, (c) => {
        c.aud = 'https://evil.example';
      });
      expect(await verifySignature(tampered, [certOnly])).toMatchObject({ status: 'invalid' });
    }
  });

  it('captured alg/use members do not veto a check; enc keys are skipped', async () => {
    const token = await signToken(rsa, accessClaims());
    expect(await verifySignature(token, [{ ...rsa.jwk, alg: 'RS256' }])).toMatchObject({ status: 'valid' });
    expect(await verifySignature(token, [{ ...rsa.jwk, use: 'enc' }])).toMatchObject({ status: 'key-not-found' });
  });

  it('alg that does not fit the key type is invalid', async () => {
    const token = await signToken(ec, accessClaims(), { kid: 'rsa-1' });
    const result = await verifySignature(token, jwks);
    expect(result.status).toBe('invalid');
    expect(result.detail).toContain('ES256 cannot be verified with a RSA key');
  });

  it('Graph tokens with a nonce header are unverifiable, never invalid', async () => {
    const token = await signToken(rsa, accessClaims({ aud: '00000003-0000-0000-c000-000000000000' }), { kid: 'rsa-1', nonce: 'aBcD-graph-nonce' });
    const result = await verifySignature(token, jwks);
    expect(result.status).toBe('unverifiable');
    expect(result.detail).toContain('only Graph can check');
  });

  it('HMAC tokens are unverifiable', async () => {
    const secret = await generateSecret('HS256');
    const token = await new SignJWT(accessClaims()).setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' }).sign(secret);
    expect(await verifySignature(token, jwks)).toMatchObject({ status: 'unverifiable' });
  });

  it('alg none is invalid', async () => {
    const token = handMade({ alg: 'none', typ: 'JWT' }, accessClaims());
    expect(await verifySignature(token, jwks)).toEqual({ status: 'invalid', detail: 'alg none: the token is not signed' });
  });

  it('JWE and opaque values are unverifiable; malformed tokens are invalid', async () => {
    const jwe = `${b64url({ alg: 'RSA-OAEP', enc: 'A256GCM', kid: 'rsa-1' })}.aaaa.bbbb.cccc.dddd`;
    expect(await verifySignature(jwe, jwks)).toMatchObject({ status: 'unverifiable' });
    expect(await verifySignature('EwBwA8l6BAAU-opaque-msa-token', jwks)).toMatchObject({ status: 'unverifiable' });
    expect(await verifySignature(`!!!.${b64url({ a: 1 })}.sig`, jwks)).toMatchObject({ status: 'invalid' });
    const good = await signToken(rsa, accessClaims());
    const [h, p] = good.split('.');
    expect(await verifySignature(`${h}.${p}.`, jwks)).toEqual({ status: 'invalid', detail: 'signature part is empty' });
  });

  it('a signed non-JSON payload is still checked', async () => {
    const raw = await signRaw(rsa, 'not json at all');
    expect(await verifySignature(raw, jwks)).toMatchObject({ status: 'valid', matchedKid: 'rsa-1' });
    const [h, , sig] = raw.split('.');
    expect(await verifySignature(`${h}.${b64url('other bytes')}.${sig}`, jwks)).toMatchObject({ status: 'invalid' });
  });

  it('unsupported key types are unverifiable', async () => {
    const token = await signToken(rsa, accessClaims(), { kid: 'odd' });
    const result = await verifySignature(token, [{ kty: 'RSA', kid: 'odd', n: 'AQAB', e: 'AQAB' }]);
    expect(result.status).toBe('unverifiable');
    expect(await verifySignature(token, [{ kid: 'odd' }])).toMatchObject({ status: 'unverifiable' });
  });

  it('accepts a pre-decoded token and repeated checks reuse the imported key', async () => {
    const token = await signToken(rsa, accessClaims());
    const decoded = decodeToken(token);
    const results = await Promise.all(Array.from({ length: 50 }, () => verifySignature(token, jwks, { decoded })));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['valid']));
  });

  it('details never contain key material or token parts', async () => {
    const token = await signToken(otherRsa, accessClaims(), { kid: 'rsa-1' });
    const { detail } = await verifySignature(token, jwks);
    const [, , signature] = token.split('.');
    expect(detail).not.toContain(String(rsa.jwk.n).slice(0, 20));
    expect(detail).not.toContain(String(signature).slice(0, 20));
  });
});
