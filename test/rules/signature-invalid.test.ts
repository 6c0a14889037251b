import { beforeAll, describe, expect } from 'vitest';
import type { FindingDraft } from '../../src/model/index.js';
import { rule as rotated } from '../../src/rules/signing-key-rotated.js';
import { rule as signatureInvalid } from '../../src/rules/signature-invalid.js';
import { rule as notFound } from '../../src/rules/signing-key-not-found.js';
import { rule as unverifiable } from '../../src/rules/unverifiable-token.js';
import { accessClaims, CLIENT_ID, makeKey, signToken, tamperPayload, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { idx10511 } from '../helpers/api-errors.js';
import { itEachCase, type RuleCase } from './support/rule-cases.js';

const API = 'https://api.contoso.com/orders';
let key: Key;
let ecKey: Key;

beforeAll(async () => {
  [key, ecKey] = await Promise.all([makeKey('kid-rsa-1'), makeKey('kid-ec-1', 'ES256')]);
});

const ofRule = (fs: FindingDraft[], id: string) => fs.filter((f) => f.rule === id);

const cases: RuleCase[] = [
  {
    name: 'valid RSA and EC tokens with their JWKS → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([key, ecKey]);
      b.api(API, await signToken(key, accessClaims(b.time)));
      b.api(API, await signToken(ecKey, accessClaims(b.time)));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'payload edited after signing, refused with IDX10511 → error naming token, uses, JWKS entry and code',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([key]); // #1
      const forged = tamperPayload(await signToken(key, accessClaims(b.time)), { scp: 'Files.ReadWrite.All' });
      b.api(API, forged, 401, idx10511('kid-rsa-1')); // #2
      b.api(`${API}/2`, forged, 401, idx10511('kid-rsa-1')); // #3
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      const f = fs[0]!;
      expect(f.rule).toBe('signature-invalid');
      expect(f.severity).toBe('error');
      expect(f.code).toBe('IDX10511');
      expect(f.entries.map((e) => e.index)).toEqual([2, 3, 1]);
      expect(f.evidence).toMatchObject({
        kid: 'kid-rsa-1',
        alg: 'RS256',
        jwks: { entry: { input: 0, index: 1 }, kids: ['kid-rsa-1'] },
        uses: [
          { entry: { input: 0, index: 2 }, status: 401, host: 'api.contoso.com' },
          { entry: { input: 0, index: 3 }, status: 401 },
        ],
        apiSaid: [{ entry: { input: 0, index: 2 }, code: 'IDX10511' }, { entry: { input: 0, index: 3 }, code: 'IDX10511' }],
      });
      expect(f.tokens).toHaveLength(1);
      expect(f.evidence.acceptedAt).toBeUndefined();
    },
  },
  {
    name: 'tampered token accepted by the API → error whose advice says the API skips signature checks',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([key]);
      b.api(API, tamperPayload(await signToken(key, accessClaims(b.time)), { roles: ['Admin'] }), 200);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.code).toBeUndefined();
      expect(fs[0]!.evidence.acceptedAt).toEqual([{ input: 0, index: 2 }]);
      expect(fs[0]!.advice).toContain('does not check signatures');
    },
  },
  {
    name: 'tampered ID token in a token response (no use) → error pointing at the issuing entry',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([key]);
      const idt = tamperPayload(await signToken(key, { iss: 'https://login.microsoftonline.com/t/v2.0', aud: CLIENT_ID, nonce: 'n', sub: 's' }), { sub: 'x' });
      b.tokenResponse({ form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code: 'abc' }, tokens: { id_token: idt } });
      return b;
    },
    check: (fs) => {
      expect(ofRule(fs, 'signature-invalid')).toHaveLength(1);
      expect(ofRule(fs, 'signature-invalid')[0]!.evidence).toMatchObject({ kind: 'id', issuedAt: { entry: { input: 0, index: 2 } } });
    },
  },
  {
    name: 'tampered token without any JWKS in the trace → not signature-invalid (cannot be checked)',
    build: async () => {
      const b = new TraceBuilder();
      b.api(API, tamperPayload(await signToken(key, accessClaims(b.time)), { scp: 'x' }), 401);
      return b;
    },
    check: (fs) => expect(ofRule(fs, 'signature-invalid')).toEqual([]),
  },
  {
    name: 'Graph token (nonce header) with its kid published → unverifiable, never signature-invalid',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([key]);
      const graph = await signToken(key, accessClaims(b.time, { aud: '00000003-0000-0000-c000-000000000000' }), { nonce: 'abc123' });
      b.api('https://graph.microsoft.com/v1.0/me', graph, 200);
      b.api(API, graph, 401);
      return b;
    },
    check: (fs) => {
      expect(ofRule(fs, 'signature-invalid')).toEqual([]);
      expect(ofRule(fs, 'unverifiable-token')).toHaveLength(1);
    },
  },
];

describe('signature-invalid', () => {
  itEachCase([rotated, signatureInvalid, notFound, unverifiable], cases);
});
