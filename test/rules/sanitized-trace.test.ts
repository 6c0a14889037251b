import { beforeAll, describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/index.js';
import type { FindingDraft } from '../../src/model/index.js';
import type { Session } from '../../src/extract/index.js';
import { rule as sanitized } from '../../src/rules/sanitized-trace.js';
import { accessClaims, AUTHORITY, CLIENT_ID, makeKey, sessionOf, settings, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';

const API = 'https://api.contoso.com/orders';
let key: Key;

beforeAll(async () => {
  key = await makeKey('kid-1');
});

async function run(b: TraceBuilder, edit?: (s: Session) => void): Promise<FindingDraft[]> {
  const session = await sessionOf(b.build());
  edit?.(session);
  return runRules([sanitized], session, settings()).findings;
}

/** A SPA sign-in as a sanitized export shows it: no Cookie, Set-Cookie or Authorization anywhere. */
async function sanitizedSignIn(b: TraceBuilder): Promise<void> {
  b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=code&redirect_uri=https%3A%2F%2Fapp.contoso.com%2F&state=s&nonce=n` });
  b.tokenResponse({ form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code: 'c0de' }, tokens: { access_token: await signToken(key, accessClaims(b.time)) } });
  b.add({ url: API, method: 'OPTIONS', status: 204, headers: { 'Access-Control-Request-Headers': 'authorization', Origin: 'https://app.contoso.com' } });
  b.add({ url: API, status: 200, headers: { Origin: 'https://app.contoso.com' } });
}

interface Case {
  name: string;
  build: () => Promise<TraceBuilder>;
  edit?: (s: Session) => void;
  check: (fs: FindingDraft[]) => void;
}

const cases: Case[] = [
  {
    name: 'full export: cookies and Authorization present, 401-then-retry → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=code&state=s`, headers: { Cookie: 'esctx=abc' }, responseHeaders: { 'Set-Cookie': 'fpc=x; path=/' } });
      b.api(API, undefined, 401, { 'WWW-Authenticate': 'Bearer' });
      b.api(API, await signToken(key, accessClaims(b.time)));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'plain browsing without any auth traffic and without cookies → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: 'https://mitmproxy.org/' });
      b.add({ url: 'https://mitmproxy.org/style.css' });
      b.add({ url: 'https://mitmproxy.org/font.woff2', status: 404 });
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'sanitized HAR of a sign-in with tokens issued → warning with counts and how to export again',
    build: async () => {
      const b = new TraceBuilder();
      await sanitizedSignIn(b);
      b.add({ url: `${API}/2`, status: 401, responseHeaders: { 'WWW-Authenticate': 'Bearer' } }); // #5
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({
        rule: 'sanitized-trace',
        severity: 'warning',
        evidence: { reasons: ['credentials-stripped'], removedHeaders: ['authorization', 'cookie', 'set-cookie'], likelyStrippedRequests: [{ input: 0, index: 4 }], authorizationHeaders: 0, cookieHeaders: 0, setCookieHeaders: 0, signInRequests: 2, tokensIssued: 1, unauthenticated401s: [{ input: 0, index: 5 }] },
      });
      expect(fs[0]!.entries.map((e) => e.index)).toEqual([4, 5, 1, 2]);
      expect(fs[0]!.advice).toContain('Allow to generate HAR with sensitive data');
      expect(fs[0]!.advice).toContain('Export HAR (with sensitive data)');
    },
  },
  {
    name: 'only API 401s without Authorization, nothing else → info',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: API, status: 401, responseHeaders: { 'WWW-Authenticate': 'Bearer' } });
      return b;
    },
    check: (fs) => expect(fs.map((f) => [f.severity, f.evidence.reasons])).toEqual([['info', ['credentials-stripped']]]),
  },
  {
    name: 'placeholder Authorization values (REDACTED, [REDACTED], ****) → warning listing the entries',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: API, headers: { Authorization: 'Bearer REDACTED', Cookie: 'a=b' } });
      b.add({ url: API, headers: { Authorization: 'Bearer [REDACTED]' } });
      b.add({ url: API, headers: { Authorization: 'Bearer ****' } });
      b.api(API, await signToken(key, accessClaims(b.time)));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { reasons: ['placeholder-authorization'] } });
      expect(fs[0]!.entries.map((e) => e.index)).toEqual([1, 2, 3]);
      expect(fs[0]!.advice).toContain('placeholders');
    },
  },
  {
    name: 'a daemon calling the token endpoint (Set-Cookie in the response, no browser cookies) → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.add({
        url: `${AUTHORITY}/oauth2/v2.0/token`,
        body: `grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=s3cr3t&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default`,
        status: 401,
        responseHeaders: { 'Set-Cookie': 'fpc=x; path=/; secure; HttpOnly' },
        responseBody: JSON.stringify({ error: 'invalid_client', error_codes: [7000215] }),
      });
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'the same stripped traffic read from a SAZ (Fiddler never strips headers) → nothing',
    build: async () => {
      const b = new TraceBuilder();
      await sanitizedSignIn(b);
      return b;
    },
    edit: (s) => {
      s.inputs = s.inputs.map((i) => ({ ...i, format: 'saz' as const }));
    },
    check: (fs) => expect(fs).toEqual([]),
  },
];

describe('sanitized-trace', () => {
  for (const c of cases) it(c.name, async () => c.check(await run(await c.build(), c.edit)));
});
