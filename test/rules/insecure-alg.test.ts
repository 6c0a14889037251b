import { beforeAll, describe, expect } from 'vitest';
import { rule as insecureAlg } from '../../src/rules/insecure-alg.js';
import { accessClaims, ISSUER_V2, makeKey, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { hmacJwt, itEachCase, type RuleCase, unsignedJwt, verifiedTokenCase } from './support/rule-cases.js';

const API = 'https://api.contoso.com/orders';
let key: Key;

beforeAll(async () => {
  key = await makeKey('kid-1');
});

const cases: RuleCase[] = [
  verifiedTokenCase('RS256 token with its key set → nothing', API, () => key),
  {
    name: 'alg none bearer accepted by the API → error that says the API does not enforce signatures',
    build: async () => {
      const b = new TraceBuilder();
      b.api(API, unsignedJwt(accessClaims(b.time)), 200);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ rule: 'insecure-alg', severity: 'error', evidence: { reason: 'alg-none', issuer: ISSUER_V2, acceptedAt: [{ input: 0, index: 1 }] } });
      expect(fs[0]!.message).toContain('does not enforce signatures');
    },
  },
  {
    name: 'three unsigned tokens of one issuer → one finding listing all three',
    build: async () => {
      const b = new TraceBuilder();
      for (let i = 0; i < 3; i++) b.api(API, unsignedJwt(accessClaims(b.time, { oid: `o${i}` })), 401);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.tokens).toHaveLength(3);
      expect(fs[0]!.entries.map((e) => e.index)).toEqual([1, 2, 3]);
      expect(fs[0]!.evidence.acceptedAt).toBeUndefined();
    },
  },
  {
    name: 'HS256 token claiming an Entra issuer whose RSA key set is captured → key-confusion error',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([key]); // #1
      b.api(API, await hmacJwt(accessClaims(b.time)), 401); // #2
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', evidence: { reason: 'hmac-with-asymmetric-issuer', tokens: [{ alg: 'HS256', jwks: { input: 0, index: 1 } }] } });
    },
  },
  {
    name: 'HS256 token of an app issuer without key set → nothing (their own design)',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([key]);
      b.api(API, await hmacJwt({ iss: 'my-app', sub: 'u', exp: 2_000_000_000 }));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'jku pointing to another host → warning; jku on the issuer host → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.api(API, await signToken(key, accessClaims(b.time), { jku: 'https://evil.example/keys' }));
      b.api(API, await signToken(key, accessClaims(b.time, { oid: 'x' }), { jku: 'https://login.microsoftonline.com/common/discovery/v2.0/keys' }));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { reason: 'remote-key-url', tokens: [{ header: 'jku', keyHost: 'evil.example', issuerHost: 'login.microsoftonline.com' }] } });
      expect(fs[0]!.entries).toEqual([{ input: 0, index: 1 }]);
    },
  },
  {
    name: 'embedded jwk in a bearer → warning; DPoP proof with its jwk → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.api(API, await signToken(key, accessClaims(b.time), { jwk: key.publicJwk }));
      const proof = await signToken(key, { htm: 'GET', htu: API, iat: 1 }, { typ: 'dpop+jwt', jwk: key.publicJwk });
      b.add({ url: API, headers: { Authorization: `DPoP ${'x'.repeat(40)}`, DPoP: proof } });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.evidence.reason).toBe('embedded-jwk');
    },
  },
  {
    name: 'unsigned JWT only found inside a script body → nothing (not a credential)',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: 'https://app.contoso.com/main.js', responseType: 'text/javascript', responseBody: `const sample = "${unsignedJwt({ iss: ISSUER_V2, sub: 'demo' })}";` });
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
];

describe('insecure-alg', () => {
  itEachCase([insecureAlg], cases);
});
