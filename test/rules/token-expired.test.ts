import { beforeAll, describe, expect, it } from 'vitest';
import { rule as tokenExpired } from '../../src/rules/token-expired.js';
import { accessClaims, makeKey, signToken, T0, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { API, bearerError, findingsOf, idx10214, idx10223, indexes, only } from './support/identity-traces.js';
import type { RuleCase } from './support/rule-cases.js';

let key: Key;
beforeAll(async () => {
  key = await makeKey('kid-1');
});

const sec = (ms: number) => Math.floor(ms / 1000);
/** A token issued at T0 that expires `lifetime` seconds later. */
const tokenFor = (lifetime: number, extra: Record<string, unknown> = {}) => signToken(key, accessClaims(T0, { exp: sec(T0) + lifetime, ...extra }));

const cases: RuleCase[] = [
  {
    name: 'valid: used inside its lifetime (judged at send time, not today) → nothing',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(3600);
      b.api(`${API}/a`, t);
      b.wait(3000);
      b.api(`${API}/b`, t);
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'refused with IDX10223 → error with exp, sentAt, lateBy, status and the code',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(600);
      b.api(`${API}/a`, t); // #1 fine
      b.wait(1200);
      b.api(`${API}/b`, t, 401, idx10223(sec(T0) + 600, b.time)); // #2
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      const f = fs[0]!;
      expect(f).toMatchObject({ rule: 'token-expired', severity: 'error', code: 'IDX10223' });
      expect(indexes(f)).toEqual([2]);
      expect(f.evidence).toMatchObject({
        exp: sec(T0) + 600,
        expIso: '2024-05-01T10:10:00.000Z',
        status: 401,
        refused: true,
        code: 'IDX10223',
        clockSkewSeconds: 300,
      });
      expect(f.evidence.lateBySeconds as number).toBeGreaterThan(600);
      expect(f.evidence.lateBySeconds as number).toBeLessThan(601);
      expect(f.title).toContain('refused (IDX10223)');
      expect(f.message).toMatch(/#2/);
    },
  },
  {
    name: 'bare 401 without description after exp → error, refused',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(60);
      b.wait(90);
      b.api(`${API}/a`, t, 401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', evidence: { refused: true, status: 401 } });
      expect(fs[0]!.code).toBeUndefined();
    },
  },
  {
    name: 'ASP.NET generic "The token expired at" challenge → error',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(60);
      b.wait(100);
      b.api(`${API}/a`, t, 401, bearerError("The token expired at '05/01/2024 10:01:00'"));
      return b;
    },
    check: (fs) => expect(fs[0]).toMatchObject({ severity: 'error', evidence: { refused: true } }),
  },
  {
    name: 'accepted 30 s after exp (inside the 300 s tolerance) → info',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(60);
      b.wait(90);
      b.api(`${API}/a`, t);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'info', evidence: { refused: false, status: 200 } });
      expect(fs[0]!.title).toContain('tolerance');
    },
  },
  {
    name: 'accepted 400 s after exp (beyond tolerance) → error although accepted',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(60);
      b.wait(460);
      b.api(`${API}/a`, t);
      return b;
    },
    check: (fs) => expect(fs[0]).toMatchObject({ severity: 'error', evidence: { refused: false } }),
  },
  {
    name: 'a smaller tolerance setting turns the 30 s case into an error',
    settings: { clockSkewSeconds: 10 },
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(60);
      b.wait(90);
      b.api(`${API}/a`, t);
      return b;
    },
    check: (fs) => expect(fs[0]).toMatchObject({ severity: 'error', evidence: { clockSkewSeconds: 10 } }),
  },
  {
    name: 'several late uses of one token → one finding listing all, refused first; recovery after a new token',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(60);
      b.wait(100);
      b.api(`${API}/a`, t); // #1 accepted late (40 s)
      b.wait(400);
      b.api(`${API}/b`, t, 401, idx10223(sec(T0) + 60, b.time)); // #2
      b.api(`${API}/c`, t, 401, idx10223(sec(T0) + 60, b.time)); // #3
      const fresh = await signToken(key, accessClaims(b.time));
      b.api(`${API}/d`, fresh); // #4 recovered
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(indexes(fs[0]!)).toEqual([2, 3, 1, 4]);
      expect(fs[0]!.evidence.uses).toHaveLength(3);
      expect(fs[0]!.evidence.recoveredAt).toMatchObject({ entry: { input: 0, index: 4 } });
    },
  },
  {
    name: 'a newer token was already issued: evidence names it',
    build: async () => {
      const b = new TraceBuilder();
      const stale = await tokenFor(60);
      b.wait(30);
      const fresh = await signToken(key, accessClaims(b.time));
      b.tokenResponse({ form: { grant_type: 'refresh_token', client_id: 'c' }, tokens: { access_token: fresh } }); // #1
      b.wait(400);
      b.api(`${API}/a`, stale, 401, idx10223(sec(T0) + 60, b.time)); // #2
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.evidence.newerToken).toMatchObject({ issuedAt: { input: 0, index: 1 } });
      expect(fs[0]!.tokens).toHaveLength(2);
    },
  },
  {
    name: '401 for another reason (audience) while 10 s late → info, not a lifetime refusal',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(60);
      b.wait(70);
      b.api(`${API}/a`, t, 401, idx10214('api://x', 'api://y'));
      return b;
    },
    check: (fs) => expect(fs[0]).toMatchObject({ severity: 'info', evidence: { refused: false } }),
  },
  {
    name: 'client clock 10 min ahead of every server: late by the client clock, in time by the API clock → nothing',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(600);
      for (let i = 0; i < 3; i++) {
        b.add({ url: `${API}/warm${i}`, serverSkewMs: -600_000 });
        b.wait(2.3);
      }
      b.wait(800);
      b.add({ url: `${API}/a`, headers: { Authorization: `Bearer ${t}` }, serverSkewMs: -600_000 });
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'IDX10223 although the client clock says the token had time left → error measured by the server',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(600);
      b.wait(500);
      b.api(`${API}/a`, t, 401, idx10223(sec(T0) + 600, b.time + 400_000));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', code: 'IDX10223', evidence: { measuredBy: 'server message' } });
      expect(fs[0]!.message).toMatch(/clock is probably ahead/);
    },
  },
  {
    name: 'foreign token (SharePoint WOPI issuer) accepted after exp → nothing; refused → error',
    build: async () => {
      const b = new TraceBuilder();
      const wopi = (aud: string) =>
        signToken(key, { aud, iss: '00000003-0000-0ff1-ce00-000000000000@72f988bf-86f1-41af-91ab-2d7cd011db47', nbf: sec(T0), exp: sec(T0) + 60 });
      const accepted = await wopi('wopi/a');
      const refused = await wopi('wopi/b');
      b.wait(600);
      b.add({ url: `https://wopi.contoso.com/files/1?access_token=${accepted}` }); // #1
      b.add({ url: `https://wopi.contoso.com/files/2?access_token=${refused}`, status: 401 }); // #2
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(indexes(fs[0]!)).toEqual([2]);
    },
  },
  {
    name: 'OBO assertion refused with AADSTS500133 at the token endpoint → error with the code',
    build: async () => {
      const b = new TraceBuilder();
      const incoming = await tokenFor(60);
      b.wait(400);
      b.tokenResponse({
        form: { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', requested_token_use: 'on_behalf_of', assertion: incoming, client_id: 'c' },
        error: {
          error: 'invalid_grant',
          error_description: 'AADSTS500133: Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion. Trace ID: x',
          error_codes: [500133],
        },
      });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', code: 'AADSTS500133', evidence: { refused: true, status: 400 } });
    },
  },
];

describe('token-expired', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const b = await c.build();
      const fs = only(await findingsOf([tokenExpired], b.build(), c.settings), 'token-expired');
      c.check(fs);
      for (const f of fs) expect(JSON.stringify(f)).not.toMatch(/eyJ[\w-]+\.eyJ/);
    });
  }
});
