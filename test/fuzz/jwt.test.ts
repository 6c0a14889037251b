/**
 * Token decoding and signature checks on hostile tokens: decodeToken never
 * throws and round-trips real JWS; verifySignature never throws with junk keys
 * and never names token parts; the decode command's text never prints the
 * signature.
 */
import { exportJWK, generateKeyPair } from 'jose';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodedAsJson, decodeToken, formatDecoded, verifySignature, type JsonWebKey } from '../../src/jwt/index.js';
import { anyText, jwsArb, tokenJunk } from './arbitraries.js';
import { runs, timed, timedAsync } from './settings.js';

const STATUSES = ['valid', 'invalid', 'key-not-found', 'unverifiable', 'not-checked'];
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const anyToken = fc.oneof(anyText, tokenJunk, jwsArb);

/** The JSON a parser returns for a value (drops -0 and undefined the way JSON does). */
const viaJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('decodeToken', () => {
  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(anyToken, (s) => {
        const d = timed('decodeToken', () => decodeToken(s));
        expect(['jws', 'jwe', 'opaque']).toContain(d.format);
        expect(d.problems.every((p) => typeof p === 'string')).toBe(true);
        if (d.header) expect(typeof d.header).toBe('object');
        if (d.claims) expect(Array.isArray(d.claims)).toBe(false);
      }),
      { numRuns: runs(500) },
    );
  });

  it('gives back the header and claims of any JWS, and never the signature', () => {
    fc.assert(
      fc.property(jwsArb, (compact) => {
        const [h, p, sig] = compact.split('.') as [string, string, string];
        const d = decodeToken(compact);
        expect(d.format).toBe('jws');
        expect(d.header).toEqual(viaJson(JSON.parse(Buffer.from(h, 'base64url').toString())));
        expect(d.claims).toEqual(viaJson(JSON.parse(Buffer.from(p, 'base64url').toString())));
        expect(JSON.stringify(d)).not.toContain(sig);
      }),
      { numRuns: runs(300) },
    );
  });

  it('not-JSON, non-object and oversized parts are problems, not throws', () => {
    for (const part of [b64([1]), b64(null), b64('x'), b64(1e400), 'eyJ' + '_'.repeat(5000), Buffer.from('{"a":' + '['.repeat(20_000)).toString('base64url')]) {
      const d = decodeToken(`${part}.${part}.c2ln`);
      expect(d.problems.length).toBeGreaterThan(0);
    }
    expect(decodeToken(`${b64({ alg: 'RS256' })}.${'A'.repeat(1_200_000)}.sig`).problems.length).toBeGreaterThan(0);
  });
});

describe('verifySignature', () => {
  let realKey: JsonWebKey;
  beforeAll(async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    realKey = { ...(await exportJWK(publicKey)), kid: 'k1' } as JsonWebKey;
  });

  const junkKey = (kid: fc.Arbitrary<unknown>) =>
    fc.oneof(
      fc.record({ kty: fc.constant('RSA'), kid, n: fc.string({ maxLength: 400 }), e: fc.constantFrom('AQAB', '', 'AA', '!!') }),
      fc.record({ kty: fc.constant('EC'), kid, crv: fc.constantFrom('P-256', 'P-521', 'secp256k1', ''), x: fc.string({ maxLength: 60 }), y: fc.string({ maxLength: 60 }) }),
      fc.record({ kty: fc.constantFrom('oct', 'OKP', '', 'RSA'), kid, k: fc.string(), x5c: fc.oneof(fc.constant(['MIIB']), fc.array(fc.string({ maxLength: 50 }), { maxLength: 2 }), fc.string()) }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
    );

  it('never throws with junk keys, and its detail names no token part', async () => {
    const header = fc.record({ alg: fc.constantFrom('RS256', 'PS256', 'ES256', 'ES512', 'HS256', 'EdDSA', 'none', 'RS1', '', 'RSA-OAEP'), kid: fc.constantFrom('k1', 'k2', undefined), nonce: fc.constantFrom(undefined, 'n') });
    const claims = fc.dictionary(fc.constantFrom('aud', 'iss', 'exp', 'x'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(header, claims, fc.uint8Array({ maxLength: 300 }), fc.array(junkKey(fc.constantFrom('k1', 'k2', 5, undefined)), { maxLength: 4 }), fc.boolean(), async (h, c, sig, keys, withReal) => {
        const signature = Buffer.from(sig).toString('base64url');
        const compact = `${b64(JSON.parse(JSON.stringify(h)))}.${b64(c)}.${signature}`;
        const check = await timedAsync('verifySignature', () => verifySignature(compact, withReal ? [...(keys as JsonWebKey[]), realKey] : (keys as JsonWebKey[])));
        expect(STATUSES).toContain(check.status);
        if (check.status === 'valid') throw new Error('a random signature verified');
        if (signature.length >= 16) expect(check.detail).not.toContain(signature);
      }),
      { numRuns: runs(150) },
    );
  });

  it('never throws on junk tokens and junk key lists', async () => {
    await fc.assert(
      fc.asyncProperty(anyToken, fc.oneof(fc.constant(undefined), fc.constant(null), fc.jsonValue({ maxDepth: 2 })), async (compact, keys) => {
        const check = await verifySignature(compact, keys as JsonWebKey[]);
        expect(STATUSES).toContain(check.status);
      }),
      { numRuns: runs(150) },
    );
  });
});

describe('decode command output', () => {
  it('never prints the signature of any token-shaped input', () => {
    fc.assert(
      fc.property(fc.oneof(jwsArb, tokenJunk), fc.integer({ min: -8.64e15, max: 8.64e15 }), (compact, now) => {
        const json = timed('decodedAsJson', () => decodedAsJson(compact, { showSecrets: false, now }));
        const text = formatDecoded(compact, { showSecrets: false, now, color: false });
        const parts = compact.split('.');
        const sig = parts[2] ?? '';
        if (parts.length === 3 && sig.length >= 16) {
          expect(JSON.stringify(json)).not.toContain(sig);
          expect(text).not.toContain(sig);
        }
        expect(text).not.toContain(compact.length > 40 ? compact : '\u0000never');
      }),
      { numRuns: runs(300) },
    );
  });
});
