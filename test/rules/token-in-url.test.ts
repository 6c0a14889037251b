import { beforeAll, describe, expect } from 'vitest';
import { rule as tokenInUrl } from '../../src/rules/token-in-url.js';
import { accessClaims, AUTHORITY, CLIENT_ID, ISSUER_V2, makeKey, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { itEachCase, type RuleCase } from './support/rule-cases.js';

const APP = 'https://app.contoso.com';
const API = 'https://api.contoso.com/orders';
let key: Key;

beforeAll(async () => {
  key = await makeKey('kid-1');
});

const idClaims = (t: number) => ({ iss: ISSUER_V2, aud: CLIENT_ID, sub: 's', nonce: 'n-1', iat: Math.floor(t / 1000), exp: Math.floor(t / 1000) + 3600, tid: 't' });

const authorize = (b: TraceBuilder, extra = '') => b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=code&redirect_uri=${encodeURIComponent(`${APP}/cb`)}&state=S1&nonce=n-1${extra}`, status: 200 });

const cases: RuleCase[] = [
  {
    name: 'code flow: code in the redirect query, same-site Referer with the code, token in the Authorization header → nothing',
    build: async () => {
      const b = new TraceBuilder();
      authorize(b);
      b.add({ url: `${AUTHORITY}/login`, method: 'POST', body: 'login=x', status: 302, responseHeaders: { Location: `${APP}/cb?code=0.AAAcode123&state=S1` } });
      b.add({ url: `${APP}/cb?code=0.AAAcode123&state=S1` });
      b.add({ url: `${APP}/main.js`, headers: { Referer: `${APP}/cb?code=0.AAAcode123&state=S1` } });
      b.tokenResponse({ form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code: '0.AAAcode123' }, tokens: { access_token: await signToken(key, accessClaims(b.time)) } });
      b.api(API, await signToken(key, accessClaims(b.time)));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'access token in an API query string (twice) → one warning for the host',
    build: async () => {
      const b = new TraceBuilder();
      const t = await signToken(key, accessClaims(b.time));
      b.add({ url: `${API}?access_token=${t}` });
      b.add({ url: `${API}/2?access_token=${t}` });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ rule: 'token-in-url', severity: 'warning', evidence: { reason: 'query', host: 'api.contoso.com', fields: ['access_token'], requests: 2 } });
      expect(fs[0]!.entries.map((e) => e.index)).toEqual([1, 2]);
    },
  },
  {
    name: 'SignalR WebSocket with access_token in the query → info; logout with id_token_hint → info',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: `wss://api.contoso.com/hub?id=abc&access_token=${await signToken(key, accessClaims(b.time))}`, status: 101 });
      b.add({ url: `${AUTHORITY}/oauth2/v2.0/logout?id_token_hint=${await signToken(key, idClaims(b.time))}&post_logout_redirect_uri=${APP}` , status: 302 });
      return b;
    },
    check: (fs) => {
      expect(fs.map((f) => [f.severity, f.evidence.reason])).toEqual([
        ['info', 'query-no-header-api'],
        ['info', 'id-token-hint'],
      ]);
    },
  },
  {
    name: 'implicit flow: tokens in the Location fragment → one info finding for both tokens',
    build: async () => {
      const b = new TraceBuilder();
      const at = await signToken(key, accessClaims(b.time));
      const idt = await signToken(key, idClaims(b.time));
      b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=id_token%20token&state=S1&nonce=n-1`, status: 302, responseHeaders: { Location: `${APP}/#access_token=${at}&id_token=${idt}&state=S1&token_type=Bearer` } });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'info', evidence: { reason: 'implicit-fragment', kinds: ['access token', 'ID token'] } });
      expect(fs[0]!.tokens).toHaveLength(2);
    },
  },
  {
    name: 'access token in a Referer: same site → warning; third-party site → error',
    build: async () => {
      const b = new TraceBuilder();
      const t = await signToken(key, accessClaims(b.time));
      b.add({ url: `${APP}/page?access_token=${t}` }); // #1 query (warning, app host)
      b.add({ url: `${APP}/app.css`, headers: { Referer: `${APP}/page?access_token=${t}` } }); // #2
      b.add({ url: 'https://cdn.tracker.net/pixel.gif', headers: { Referer: `${APP}/page?access_token=${t}` } }); // #3
      return b;
    },
    check: (fs) => {
      expect(fs.map((f) => [f.severity, f.evidence.reason, f.evidence.host, f.entries.map((e) => e.index)])).toEqual([
        ['warning', 'query', 'app.contoso.com', [1]],
        ['warning', 'referer', 'app.contoso.com', [2]],
        ['error', 'referer-third-party', 'cdn.tracker.net', [3]],
      ]);
    },
  },
  {
    name: 'authorization code in a Referer to a third party → warning',
    build: async () => {
      const b = new TraceBuilder();
      authorize(b);
      b.add({ url: `${APP}/cb?code=0.AAAcode123&state=S1` });
      b.add({ url: 'https://fonts.example.net/font.woff2', headers: { Referer: `${APP}/cb?code=0.AAAcode123&state=S1` } });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { reason: 'code-referer-third-party', host: 'fonts.example.net', kinds: ['authorization code'] } });
      expect(JSON.stringify(fs)).not.toContain('0.AAAcode123');
    },
  },
  {
    name: 'WOPI token (not Entra-issued) and an opaque Google token in query strings → nothing',
    build: async () => {
      const b = new TraceBuilder();
      const wopi = await signToken(key, { iss: '00000003-0000-0ff1-ce00-000000000000@72f988bf-86f1-41af-91ab-2d7cd011db47', aud: 'wopi/sp@t', exp: 2_000_000_000 });
      b.add({ url: `https://sp.contoso.com/wopi/files/1?access_token=${wopi}` });
      b.add({ url: `https://www.googleapis.com/drive/v3/files?access_token=ya29.${'a'.repeat(100)}` });
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
];

describe('token-in-url', () => {
  itEachCase([tokenInUrl], cases);
});
