import { beforeAll, describe, expect, it } from 'vitest';
import { rule as notYetValid } from '../../src/rules/token-not-yet-valid.js';
import { accessClaims, AUTHORITY, makeKey, signToken, T0, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { API, findingsOf, idx10222, indexes, only } from './support/identity-traces.js';
import type { RuleCase } from './support/rule-cases.js';

let key: Key;
beforeAll(async () => {
  key = await makeKey('kid-1');
});

const sec = (ms: number) => Math.floor(ms / 1000);
const TEN_MIN = 600_000;

/** A sign-in against a token service whose clock runs `skewMs` ahead: Date headers and token times both show it. */
async function signInWithIdpAhead(b: TraceBuilder, skewMs: number, opts: { noDate?: boolean } = {}): Promise<string> {
  for (let i = 0; i < 2; i++) {
    b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=c&i=${i}`, status: 200, serverSkewMs: skewMs, ...(opts.noDate ? { noDate: true } : {}) });
    b.wait(1.7);
  }
  const token = await signToken(key, accessClaims(b.time + skewMs, { exp: sec(b.time + skewMs) + 3599 }));
  b.add({
    url: `${AUTHORITY}/oauth2/v2.0/token`,
    body: 'grant_type=authorization_code&client_id=c&code=abc',
    responseBody: JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: token }),
    serverSkewMs: skewMs,
    ...(opts.noDate ? { noDate: true } : {}),
  });
  return token;
}

const cases: RuleCase[] = [
  {
    name: 'valid: Entra-style back-dated nbf, used at once → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await signToken(key, accessClaims(b.time - 300_000)));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'IdP clock ten minutes ahead, API refuses with IDX10222 → error naming the IdP origin and ~600 s',
    build: async () => {
      const b = new TraceBuilder();
      const token = await signInWithIdpAhead(b, TEN_MIN); // #1-#3
      b.api(`${API}/a`, token, 401, idx10222(sec(b.time + TEN_MIN), b.time)); // #4
      b.wait(2);
      b.api(`${API}/b`, token, 401, idx10222(sec(b.time + TEN_MIN), b.time)); // #5
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      const f = fs[0]!;
      expect(f).toMatchObject({ rule: 'token-not-yet-valid', severity: 'error', code: 'IDX10222' });
      expect(indexes(f)).toEqual([4, 5]);
      expect(f.evidence).toMatchObject({ claim: 'nbf', refused: true, status: 401, issuedAt: { input: 0, index: 3 } });
      expect(f.evidence.earlyBySeconds as number).toBeGreaterThan(590);
      expect(f.evidence.earlyBySeconds as number).toBeLessThan(601);
      const clock = f.evidence.issuerClock as Record<string, unknown>;
      expect(clock).toMatchObject({ origin: 'https://login.microsoftonline.com', direction: 'server ahead', source: 'date-header' });
      expect(Math.abs((clock.skewSeconds as number) - 600)).toBeLessThan(2);
      expect(f.message).toMatch(/login\.microsoftonline\.com runs about 10 min ahead/);
    },
  },
  {
    name: 'IdP ahead seen only in token times (no Date headers) → issuerClock from token times',
    build: async () => {
      const b = new TraceBuilder();
      const token = await signInWithIdpAhead(b, TEN_MIN, { noDate: true });
      b.api(`${API}/a`, token, 401, idx10222(sec(b.time + TEN_MIN), b.time));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.evidence.issuerClock).toMatchObject({ origin: 'https://login.microsoftonline.com', source: 'token-times' });
    },
  },
  {
    name: 'early by 60 s and accepted (inside tolerance) → info',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await signToken(key, accessClaims(b.time + 60_000)));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'info', evidence: { refused: false } });
    },
  },
  {
    name: 'early by 3 s (Date/timestamp resolution) → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await signToken(key, accessClaims(b.time + 3_000)));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'no nbf: iat 400 s in the future, accepted → error on iat',
    build: async () => {
      const b = new TraceBuilder();
      const claims = accessClaims(b.time + 400_000);
      delete claims.nbf;
      b.api(`${API}/a`, await signToken(key, claims));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', evidence: { claim: 'iat', refused: false } });
      expect(typeof fs[0]!.evidence.iat).toBe('number');
      expect(fs[0]!.evidence.iatIso).toMatch(/^2024-05-01T10:06:40/);
    },
  },
  {
    name: 'API clock ten minutes behind (its Date headers): valid token refused with IDX10222 → error with the API offset',
    build: async () => {
      const b = new TraceBuilder();
      const nbf = sec(b.time - 60_000);
      const token = await signToken(key, accessClaims(b.time - 60_000));
      for (let i = 0; i < 2; i++) {
        b.add({ url: `${API}/health${i}`, serverSkewMs: -TEN_MIN });
        b.wait(1.3);
      }
      b.add({ url: `${API}/a`, headers: { Authorization: `Bearer ${token}` }, status: 401, responseHeaders: idx10222(nbf, b.time - TEN_MIN), serverSkewMs: -TEN_MIN });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      const use = (fs[0]!.evidence.uses as Record<string, unknown>[])[0]!;
      expect(use.serverClockOffsetSeconds as number).toBeLessThan(-598);
      expect(fs[0]).toMatchObject({ severity: 'error', code: 'IDX10222' });
      expect(fs[0]!.evidence.issuerClock).toBeUndefined();
    },
  },
  {
    name: 'IDX10222 although every clock agrees the token was valid → error measured by the server message',
    build: async () => {
      const b = new TraceBuilder();
      const token = await signToken(key, accessClaims(b.time - 60_000));
      b.api(`${API}/a`, token, 401, idx10222(sec(b.time - 60_000), b.time - 700_000));
      return b;
    },
    check: (fs) => expect(fs[0]).toMatchObject({ severity: 'error', evidence: { measuredBy: 'server message' } }),
  },
  {
    name: 'foreign token used early and accepted → nothing',
    build: async () => {
      const b = new TraceBuilder();
      const t = await signToken(key, { iss: 'https://auth.example.org', aud: 'x', nbf: sec(b.time) + 900, exp: sec(b.time) + 4000 });
      b.api(`${API}/a`, t);
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
];

describe('token-not-yet-valid', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const b = await c.build();
      c.check(only(await findingsOf([notYetValid], b.build()), 'token-not-yet-valid'));
    });
  }
});
