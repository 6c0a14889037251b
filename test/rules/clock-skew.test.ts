import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingDraft } from '../../src/model/index.js';
import { rule as tokenExpired } from '../../src/rules/token-expired.js';
import { rule as notYetValid } from '../../src/rules/token-not-yet-valid.js';
import { rule as clockSkew } from '../../src/rules/clock-skew.js';
import { accessClaims, AUTHORITY, makeKey, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { API, findingsOf, idx10222, idx10223, indexes, only } from './support/identity-traces.js';

let key: Key;
beforeAll(async () => {
  key = await makeKey('kid-1');
});

const sec = (ms: number) => Math.floor(ms / 1000);
const LOGIN = 'https://login.microsoftonline.com';
const RULES = [tokenExpired, notYetValid, clockSkew];

/** `n` plain requests to `url` whose Date header runs `skewMs` off. */
function pings(b: TraceBuilder, url: string, n: number, skewMs: number, durationMs = 80): void {
  for (let i = 0; i < n; i++) {
    b.add({ url: `${url}/p${i}`, serverSkewMs: skewMs, durationMs });
    b.wait(1.37);
  }
}

/** nbf of a compact token, read back for the IDX message. */
const nbfOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()).nbf as number;

/** A token endpoint exchange whose server clock (Date and token times) runs `skewMs` ahead. */
async function tokenFrom(b: TraceBuilder, skewMs: number, noDate = false): Promise<string> {
  const now = b.time + skewMs;
  const token = await signToken(key, accessClaims(now, { exp: sec(now) + 3600 }));
  b.add({
    url: `${AUTHORITY}/oauth2/v2.0/token`,
    body: 'grant_type=client_credentials&client_id=c&client_secret=s',
    responseBody: JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: token }),
    serverSkewMs: skewMs,
    noDate,
  });
  return token;
}

interface Case {
  name: string;
  build: () => Promise<TraceBuilder>;
  settings?: Record<string, unknown>;
  check: (fs: FindingDraft[], all: FindingDraft[]) => void;
}

const cases: Case[] = [
  {
    name: 'healthy: every clock agrees → nothing',
    build: async () => {
      const b = new TraceBuilder();
      pings(b, LOGIN, 3, 0);
      const t = await tokenFrom(b, 0);
      pings(b, API, 3, 400);
      b.api(`${API}/a`, t);
      return b;
    },
    check: (fs, all) => {
      expect(fs).toEqual([]);
      expect(all).toEqual([]);
    },
  },
  {
    name: 'IdP ten minutes ahead and tokens refused as not yet valid → error naming the IdP and ~600 s',
    build: async () => {
      const b = new TraceBuilder();
      pings(b, `${LOGIN}/common/discovery`, 3, 600_000); // #1-#3
      const t = await tokenFrom(b, 600_000); // #4
      pings(b, API, 2, 0); // #5-#6
      b.api(`${API}/a`, t, 401, idx10222(nbfOf(t), b.time)); // #7
      return b;
    },
    check: (fs, all) => {
      expect(only(all, 'token-not-yet-valid')).toHaveLength(1);
      expect(fs).toHaveLength(1);
      const f = fs[0]!;
      expect(f).toMatchObject({ severity: 'error', evidence: { origin: LOGIN, direction: 'server ahead', source: 'date-header+token-times', samples: 4 } });
      expect(Math.abs((f.evidence.skewSeconds as number) - 600)).toBeLessThan(1.5);
      expect(f.evidence.lowSeconds as number).toBeGreaterThan(598);
      expect(indexes(f)[0]).toBe(7);
      expect(indexes(f)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
      expect(f.evidence.explains).toEqual([expect.objectContaining({ rule: 'token-not-yet-valid' })]);
      expect(f.title).toBe('login.microsoftonline.com clock 10 min ahead of the client, tokens refused');
    },
  },
  {
    name: 'IdP ahead but nothing refused → warning (auth-related origin)',
    build: async () => {
      const b = new TraceBuilder();
      pings(b, LOGIN, 3, 120_000);
      pings(b, API, 3, 0);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { origin: LOGIN, authRelated: true } });
    },
  },
  {
    name: 'a font CDN 5 min behind → info only (not part of authentication)',
    build: async () => {
      const b = new TraceBuilder();
      pings(b, 'https://fonts.example.net', 3, -300_000);
      pings(b, API, 3, 0);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'info', evidence: { direction: 'server behind', authRelated: false } });
      expect(fs[0]!.evidence.skewSeconds as number).toBeLessThan(-299);
    },
  },
  {
    name: 'one sample 2 min off → nothing; one sample 11 min off → finding',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: 'https://a.contoso.com/x', serverSkewMs: 120_000 });
      b.add({ url: 'https://b.contoso.com/x', serverSkewMs: 660_000 });
      pings(b, API, 3, 0);
      return b;
    },
    check: (fs) => {
      expect(fs.map((f) => f.evidence.origin)).toEqual(['https://b.contoso.com']);
      expect(fs[0]!.evidence.samples).toBe(1);
    },
  },
  {
    name: 'slow responses: bounds straddle the threshold → nothing',
    build: async () => {
      const b = new TraceBuilder();
      pings(b, API, 4, 70_000, 150_000);
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'every server 10 min ahead, none in sync → one finding about the client clock',
    build: async () => {
      const b = new TraceBuilder();
      pings(b, LOGIN, 3, 600_000);
      pings(b, API, 3, 600_000);
      pings(b, 'https://cdn.example.net', 2, 601_000);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { origin: 'client' } });
      expect(fs[0]!.title).toBe('Client clock about 10 min behind every server');
    },
  },
  {
    name: 'API clock 10 min ahead explains an expired refusal → error on the API origin',
    build: async () => {
      const b = new TraceBuilder();
      const exp = sec(b.time - 3_300_000) + 3600; // expires in 5 min by the client clock
      const t = await signToken(key, accessClaims(b.time - 3_300_000));
      pings(b, API, 3, 600_000);
      b.add({ url: `${API}/a`, headers: { Authorization: `Bearer ${t}` }, status: 401, responseHeaders: idx10223(exp, b.time + 600_000), serverSkewMs: 600_000 });
      return b;
    },
    check: (fs, all) => {
      expect(only(all, 'token-expired')).toHaveLength(1);
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', evidence: { origin: API, direction: 'server ahead' } });
    },
  },
  {
    name: 'a larger threshold setting hides a 90 s difference',
    settings: { skewThresholdSeconds: 120 },
    build: async () => {
      const b = new TraceBuilder();
      pings(b, LOGIN, 3, 90_000);
      pings(b, API, 3, 0);
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'no Date headers: two tokens whose exp − expires_in runs 15 min ahead → finding from token times',
    build: async () => {
      const b = new TraceBuilder();
      await tokenFrom(b, 900_000, true);
      b.wait(30);
      await tokenFrom(b, 900_000, true);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { origin: LOGIN, source: 'token-times', samples: 0 } });
      expect(fs[0]!.evidence.tokenReadings).toHaveLength(2);
      expect(Math.abs((fs[0]!.evidence.skewSeconds as number) - 900)).toBeLessThan(3);
    },
  },
];

describe('clock-skew', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const b = await c.build();
      const all = await findingsOf(RULES, b.build(), c.settings);
      c.check(only(all, 'clock-skew'), all);
    });
  }
});
