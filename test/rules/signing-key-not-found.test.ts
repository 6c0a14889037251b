import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingDraft } from '../../src/model/index.js';
import { rule as rotated } from '../../src/rules/signing-key-rotated.js';
import { rule as signatureInvalid } from '../../src/rules/signature-invalid.js';
import { rule as notFound } from '../../src/rules/signing-key-not-found.js';
import { accessClaims, AUTHORITY, CLIENT_ID, ISSUER_V2, makeKey, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { idx10501, idx10503, keyNotFoundGeneric } from '../helpers/api-errors.js';
import { itEachCase, type RuleCase } from './support/rule-cases.js';

const API = 'https://api.contoso.com/orders';
let published: Key;
let unpublished: Key;
let appKey: Key;

beforeAll(async () => {
  [published, unpublished, appKey] = await Promise.all([makeKey('published-kid'), makeKey('unknown-kid'), makeKey('app-kid')]);
});

const ofRule = (fs: FindingDraft[], id: string) => fs.filter((f) => f.rule === id);

const cases: RuleCase[] = [
  {
    name: 'kid published and accepted → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([published]);
      b.api(API, await signToken(published, accessClaims(b.time)));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'kid in no captured key set, API accepted → warning from our own check',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([published]); // #1
      b.api(API, await signToken(unpublished, accessClaims(b.time))); // #2
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ rule: 'signing-key-not-found', severity: 'warning' });
      expect(fs[0]!.code).toBeUndefined();
      expect(fs[0]!.entries.map((e) => e.index)).toEqual([2, 1]);
      expect(fs[0]!.evidence).toMatchObject({ kid: 'unknown-kid', issuer: ISSUER_V2, keySetsSearched: [{ entry: { input: 0, index: 1 }, kids: ['published-kid'] }] });
    },
  },
  {
    name: 'kid in no captured key set and the API refused it (IDX10503) → error with the code',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([published]);
      const t = await signToken(unpublished, accessClaims(b.time));
      b.api(API, t, 401, idx10503('unknown-kid', ['published-kid'])); // #2
      b.api(API, t, 401, idx10503('unknown-kid', ['published-kid'])); // #3
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ rule: 'signing-key-not-found', severity: 'error', code: 'IDX10503' });
      expect(fs[0]!.entries.slice(0, 2).map((e) => e.index)).toEqual([2, 3]);
      expect(fs[0]!.evidence).toMatchObject({ apiKeysTried: ['published-kid'], refused: [{ entry: { input: 0, index: 2 }, code: 'IDX10503', status: 401 }, { entry: { input: 0, index: 3 } }] });
    },
  },
  {
    name: 'API says kid not found, no JWKS captured at all → error (API word), message says it cannot be checked here',
    build: async () => {
      const b = new TraceBuilder();
      b.api(API, await signToken(unpublished, accessClaims(b.time)), 401, idx10501('unknown-kid'));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', code: 'IDX10501' });
      expect(fs[0]!.message).toContain('cannot be checked here');
    },
  },
  {
    name: 'generic "signature key was not found" without an IDX code → error without code',
    build: async () => {
      const b = new TraceBuilder();
      b.api(API, await signToken(unpublished, accessClaims(b.time)), 401, keyNotFoundGeneric());
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.severity).toBe('error');
      expect(fs[0]!.code).toBeUndefined();
    },
  },
  {
    name: 'IDX10501 in the body of a 500 (validation failure turned into a server error) → error; the same text in a 200 page → nothing',
    build: async () => {
      const b = new TraceBuilder();
      const t = await signToken(unpublished, accessClaims(b.time));
      b.api(API, t, 500, {}, JSON.stringify({ title: 'Internal Server Error', detail: "IDX10501: Signature validation failed. Unable to match key: kid: 'unknown-kid'." }));
      b.api('https://api.contoso.com/logs', t, 200, {}, JSON.stringify({ lastError: "IDX10501: Signature validation failed. Unable to match key: kid: 'unknown-kid'." }));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', code: 'IDX10501', evidence: { refused: [{ entry: { input: 0, index: 1 }, status: 500 }] } });
    },
  },
  {
    name: 'kid published only in the app-specific key set (?appid=) and refused → error with app-key advice',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([published]);
      b.jwks([published, appKey], `${AUTHORITY}/discovery/v2.0/keys?appid=${CLIENT_ID}`); // #2
      b.api(API, await signToken(appKey, accessClaims(b.time)), 401, idx10501('app-kid'));
      return b;
    },
    check: (fs) => {
      expect(ofRule(fs, 'signing-key-rotated')).toEqual([]);
      const f = ofRule(fs, 'signing-key-not-found');
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.publishedOnlyIn).toMatchObject([{ entry: { input: 0, index: 2 } }]);
      expect(f[0]!.advice).toContain('?appid=');
    },
  },
  {
    name: 'refusal explained by a rollover → only signing-key-rotated',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([published, unpublished]);
      b.api(API, await signToken(unpublished, accessClaims(b.time)), 401, idx10501('unknown-kid'));
      return b;
    },
    check: (fs) => {
      expect(fs.map((f) => f.rule)).toEqual(['signing-key-rotated']);
    },
  },
  {
    name: 'many tokens with the same unknown kid → one finding',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([published]);
      for (let i = 0; i < 4; i++) {
        b.api(API, await signToken(unpublished, accessClaims(b.time, { oid: `user-${i}` })));
        b.wait(10);
      }
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.tokens).toHaveLength(4);
      expect(fs[0]!.evidence.tokenCount).toBe(4);
    },
  },
  {
    name: 'B2C token with only an Entra key set captured → no finding (B2C keys live on b2clogin.com)',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([published]);
      b.api(API, await signToken(unpublished, accessClaims(b.time, { iss: 'https://contoso.b2clogin.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0/', tfp: 'B2C_1_signin' })));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
];

describe('signing-key-not-found', () => {
  itEachCase([rotated, signatureInvalid, notFound], cases);
});
