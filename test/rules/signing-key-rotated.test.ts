import { beforeAll, describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/index.js';
import type { FindingDraft } from '../../src/model/index.js';
import { rule as rotated } from '../../src/rules/signing-key-rotated.js';
import { rule as notFound } from '../../src/rules/signing-key-not-found.js';
import { rule as signatureInvalid } from '../../src/rules/signature-invalid.js';
import { accessClaims, AUTHORITY, makeKey, sessionOf, settings, signToken, T0, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { idx10501, idx10503, keyNotFoundGeneric } from '../helpers/api-errors.js';

const API = 'https://api.contoso.com/orders';
let oldKey: Key;
let newKey: Key;
let otherKey: Key;

beforeAll(async () => {
  [oldKey, newKey, otherKey] = await Promise.all([makeKey('old-kid-1111'), makeKey('new-kid-2222'), makeKey('other-kid-3333')]);
});

async function run(b: TraceBuilder): Promise<FindingDraft[]> {
  const session = await sessionOf(b.build());
  return runRules([rotated, signatureInvalid, notFound], session, settings()).findings;
}

const ofRule = (fs: FindingDraft[], id: string) => fs.filter((f) => f.rule === id);
const idx = (fs: FindingDraft[]) => fs.flatMap((f) => f.entries.map((e) => e.index));

interface Case {
  name: string;
  build: () => Promise<TraceBuilder>;
  check: (fs: FindingDraft[]) => void;
}

const cases: Case[] = [
  {
    name: 'healthy: old and new key both accepted, one key set → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([oldKey, newKey]);
      b.api(API, await signToken(oldKey, accessClaims(b.time)));
      b.api(API, await signToken(newKey, accessClaims(b.time)));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'stale API cache: new-kid tokens refused (IDX10503) while published → one error with old/new kid and recovery',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([oldKey]); // #1
      b.api(API, await signToken(oldKey, accessClaims(b.time))); // #2 accepted
      b.wait(600);
      b.jwks([oldKey, newKey]); // #3
      const fresh = await signToken(newKey, accessClaims(b.time));
      b.api(API, fresh, 401, idx10503('new-kid-2222', ['old-kid-1111'])); // #4
      b.wait(5);
      b.api(API, fresh, 401, idx10503('new-kid-2222', ['old-kid-1111'])); // #5
      b.wait(300);
      b.api(API, fresh); // #6 recovered
      return b;
    },
    check: (fs) => {
      const f = ofRule(fs, 'signing-key-rotated');
      expect(f).toHaveLength(1);
      expect(f[0]!.severity).toBe('error');
      expect(f[0]!.code).toBe('IDX10503');
      expect(f[0]!.entries.map((e) => e.index)).toEqual([4, 5, 3, 1, 2, 6]);
      expect(f[0]!.evidence).toMatchObject({
        api: 'api.contoso.com',
        oldKid: 'old-kid-1111',
        newKid: 'new-kid-2222',
        oldKidSource: 'last-accepted-token',
        jwksBefore: { entry: { input: 0, index: 1 }, kids: ['old-kid-1111'] },
        jwksAfter: { entry: { input: 0, index: 3 }, kids: ['old-kid-1111', 'new-kid-2222'] },
        refusedCount: 2,
        apiKeysTried: ['old-kid-1111'],
        recoveredAt: { entry: { input: 0, index: 6 } },
      });
      expect(f[0]!.time).toBe(T0 + 150 * 3 + 600_000);
      // Not a tampered token, not a missing key: the rollover explains it all.
      expect(ofRule(fs, 'signature-invalid')).toEqual([]);
      expect(ofRule(fs, 'signing-key-not-found')).toEqual([]);
    },
  },
  {
    name: 'IDX10501 with one JWKS (no earlier snapshot): old kid from the key set the API tried is unknown, still a rollover',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([oldKey, newKey]);
      b.api(API, await signToken(newKey, accessClaims(b.time)), 401, idx10501('new-kid-2222'));
      return b;
    },
    check: (fs) => {
      const f = ofRule(fs, 'signing-key-rotated');
      expect(f).toHaveLength(1);
      expect(f[0]!.code).toBe('IDX10501');
      expect(f[0]!.evidence.oldKid).toBeUndefined();
      expect(f[0]!.evidence.jwksBefore).toBeUndefined();
      expect(f[0]!.evidence.recoveredAt).toBeUndefined();
      expect(f[0]!.message).toContain('No later request with the new key was accepted');
    },
  },
  {
    name: 'old kid removed from the key set is named when no token with it was accepted',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([oldKey, otherKey]);
      b.wait(60);
      b.jwks([otherKey, newKey]);
      b.api(API, await signToken(newKey, accessClaims(b.time)), 401, keyNotFoundGeneric());
      return b;
    },
    check: (fs) => {
      const f = ofRule(fs, 'signing-key-rotated');
      expect(f).toHaveLength(1);
      expect(f[0]!.code).toBeUndefined();
      expect(f[0]!.evidence).toMatchObject({ oldKid: 'old-kid-1111', oldKidSource: 'removed-from-key-set', newKid: 'new-kid-2222' });
    },
  },
  {
    name: 'two APIs with stale caches → one finding each; many refusals of one API stay one finding',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([oldKey, newKey]);
      const t = await signToken(newKey, accessClaims(b.time));
      for (let i = 0; i < 5; i++) b.api(API, t, 401, idx10501('new-kid-2222'));
      b.api('https://billing.contoso.com/x', t, 401, idx10501('new-kid-2222'));
      return b;
    },
    check: (fs) => {
      const f = ofRule(fs, 'signing-key-rotated');
      expect(f.map((x) => x.evidence.api)).toEqual(['api.contoso.com', 'billing.contoso.com']);
      expect(f[0]!.evidence.refusedCount).toBe(5);
    },
  },
  {
    name: 'kid not published anywhere → not a rollover (signing-key-not-found instead)',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([oldKey]);
      b.api(API, await signToken(newKey, accessClaims(b.time)), 401, idx10501('new-kid-2222'));
      return b;
    },
    check: (fs) => {
      expect(ofRule(fs, 'signing-key-rotated')).toEqual([]);
      expect(ofRule(fs, 'signing-key-not-found')).toHaveLength(1);
    },
  },
  {
    name: '401 for another reason (no key error) → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([oldKey, newKey]);
      b.api(API, await signToken(newKey, accessClaims(b.time)), 401, { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The token expired"' });
      return b;
    },
    check: (fs) => expect(ofRule(fs, 'signing-key-rotated')).toEqual([]),
  },
  {
    name: 'key set changed but nothing refused → one warning with the kids added and removed',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([oldKey]);
      b.wait(3600);
      b.jwks([oldKey, newKey]);
      b.jwks([oldKey, newKey], `${AUTHORITY}/discovery/v2.0/keys?appid=11111111-2222-3333-4444-555555555555`);
      return b;
    },
    check: (fs) => {
      const f = ofRule(fs, 'signing-key-rotated');
      expect(f).toHaveLength(1);
      expect(f[0]!.severity).toBe('warning');
      expect(idx(f)).toEqual([2, 1]);
      expect(f[0]!.evidence).toMatchObject({ newKid: 'new-kid-2222', added: ['new-kid-2222'], removed: [] });
    },
  },
  {
    name: 'same key set fetched twice → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([oldKey, newKey]);
      b.wait(600);
      b.jwks([newKey, oldKey]);
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
];

describe('signing-key-rotated', () => {
  for (const c of cases) {
    it(c.name, async () => c.check(await run(await c.build())));
  }
});
