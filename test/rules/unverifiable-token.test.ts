import { beforeAll, describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/index.js';
import { RULES } from '../../src/rules/index.js';
import { rule as unverifiable } from '../../src/rules/unverifiable-token.js';
import { accessClaims, CLIENT_ID, makeKey, sessionOf, settings, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { hmacJwt, itEachCase, type RuleCase, verifiedTokenCase } from './support/rule-cases.js';

const API = 'https://api.contoso.com/orders';
let key: Key;

beforeAll(async () => {
  key = await makeKey('kid-1');
});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** A compact JWE: five parts, a header naming alg/enc, random-looking rest. */
const jwe = (n: number) => `${b64({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc-1' })}.${'a'.repeat(40 + n)}.${'b'.repeat(16)}.${'c'.repeat(60)}.${'d'.repeat(22)}`;

const cases: RuleCase[] = [
  verifiedTokenCase('tokens verified against a captured JWKS → nothing', API, () => key),
  {
    name: 'Graph token (nonce) and an API token without JWKS → one info finding, two groups',
    build: async () => {
      const b = new TraceBuilder();
      b.api('https://graph.microsoft.com/v1.0/me', await signToken(key, accessClaims(b.time, { aud: '00000003-0000-0000-c000-000000000000' }), { nonce: 'n0nce' }));
      b.api(API, await signToken(key, accessClaims(b.time)));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ rule: 'unverifiable-token', severity: 'info' });
      expect(fs[0]!.entries.map((e) => e.index)).toEqual([1, 2]);
      expect(fs[0]!.evidence).toMatchObject({
        tokenCount: 2,
        groups: [
          { reason: 'graph-nonce', count: 1, graphAudience: 1 },
          { reason: 'no-key-set', count: 1, issuers: ['https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0'] },
        ],
      });
      expect(fs[0]!.advice).toContain('--jwks');
    },
  },
  {
    name: '120 tokens without a key set → still one finding; token lists are capped',
    build: async () => {
      const b = new TraceBuilder();
      for (let i = 0; i < 120; i++) b.api(API, await signToken(key, accessClaims(b.time, { oid: `o-${i}` })));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.evidence.tokenCount).toBe(120);
      const groups = fs[0]!.evidence.groups as { count: number; tokens: string[] }[];
      expect(groups[0]!.count).toBe(120);
      expect(groups[0]!.tokens).toHaveLength(50);
      expect(fs[0]!.entries).toHaveLength(50);
    },
  },
  {
    name: 'encrypted access token and HMAC token claiming an Entra issuer → encrypted and shared-secret groups',
    build: async () => {
      const b = new TraceBuilder();
      b.api(API, jwe(1));
      b.api(API, await hmacJwt(accessClaims(b.time)));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect((fs[0]!.evidence.groups as { reason: string }[]).map((g) => g.reason)).toEqual(['encrypted', 'shared-secret']);
    },
  },
  {
    name: 'third-party tokens (app HMAC, SharePoint/WOPI issuer, opaque Google bearer) and a JWE refresh token → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.api(API, await hmacJwt({ iss: 'my-app', sub: 'u1', exp: 2_000_000_000 }));
      b.api('https://sp.contoso.com/wopi/files/1', await signToken(key, { iss: '00000003-0000-0ff1-ce00-000000000000@72f988bf-86f1-41af-91ab-2d7cd011db47', aud: 'wopi/sp@t', exp: 2_000_000_000 }));
      b.api('https://www.googleapis.com/drive/v3/files', `ya29.${'A'.repeat(150)}`);
      b.tokenResponse({ form: { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: 'r' }, tokens: { refresh_token: jwe(2) } });
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
];

describe('unverifiable-token', () => {
  itEachCase([unverifiable], cases);

  it('never leaves a finding of its own on a healthy verified trace when all rules run', async () => {
    const b = new TraceBuilder();
    b.jwks([key]);
    b.api(API, await signToken(key, accessClaims(b.time)));
    const fs = runRules(RULES, await sessionOf(b.build()), settings()).findings;
    expect(fs.filter((f) => f.rule === 'unverifiable-token')).toEqual([]);
  });
});
