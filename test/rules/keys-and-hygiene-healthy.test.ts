/**
 * Precision: a healthy SPA sign-in (PKCE code flow, refresh, 401-then-retry,
 * CORS preflights, a missing font, a Graph call) run through every registered
 * rule must get no error or warning from the key/signature and hygiene rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/index.js';
import { RULES } from '../../src/rules/index.js';
import { accessClaims, AUTHORITY, CLIENT_ID, ISSUER_V2, makeKey, sessionOf, settings, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';

const MINE = new Set(['signing-key-rotated', 'signature-invalid', 'signing-key-not-found', 'unverifiable-token', 'insecure-alg', 'malformed-token', 'metadata-fetch-failed', 'oidc-protocol', 'token-in-url', 'sanitized-trace']);
const APP = 'https://app.contoso.com';
const API = 'https://api.contoso.com/orders';
const CORS = { 'Access-Control-Allow-Origin': APP };
let key: Key;

beforeAll(async () => {
  key = await makeKey('kid-live');
});

async function healthySignIn(): Promise<TraceBuilder> {
  const b = new TraceBuilder();
  const cookie = { Cookie: 'fpc=abc; esctx=def' };
  b.add({ url: `${APP}/`, responseType: 'text/html', responseBody: '<html></html>' });
  b.add({ url: `${AUTHORITY}/v2.0/.well-known/openid-configuration`, responseHeaders: CORS, responseBody: JSON.stringify({ issuer: ISSUER_V2, jwks_uri: `${AUTHORITY}/discovery/v2.0/keys`, token_endpoint: `${AUTHORITY}/oauth2/v2.0/token`, authorization_endpoint: `${AUTHORITY}/oauth2/v2.0/authorize` }) });
  b.jwks([key]);
  b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&scope=openid%20profile%20offline_access%20api%3A%2F%2Forders%2FOrders.Read&redirect_uri=${encodeURIComponent(`${APP}/`)}&response_mode=fragment&response_type=code&state=S1&nonce=N1&code_challenge=abc&code_challenge_method=S256`, headers: cookie, responseHeaders: { 'Set-Cookie': 'buid=x; path=/' } });
  b.add({ url: `${AUTHORITY}/login`, headers: cookie, body: 'login=u&passwd=secret', status: 302, responseHeaders: { Location: `${APP}/#code=0.AXoAcode-live&client_info=eyJ1aWQiOiIxIn0&state=S1&session_state=ss` } });
  b.add({ url: `${APP}/`, headers: { Referer: `${AUTHORITY}/` } });
  b.add({ url: `${AUTHORITY}/oauth2/v2.0/token`, method: 'OPTIONS', status: 204, responseHeaders: CORS });
  const idToken = await signToken(key, { iss: ISSUER_V2, aud: CLIENT_ID, sub: 's', tid: 't', nonce: 'N1', iat: Math.floor(b.time / 1000), exp: Math.floor(b.time / 1000) + 3600 });
  const at1 = await signToken(key, accessClaims(b.time));
  b.tokenResponse({ form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code: '0.AXoAcode-live', code_verifier: 'v', redirect_uri: `${APP}/` }, tokens: { access_token: at1, id_token: idToken, refresh_token: '1.AXoA-refresh-1', scope: 'api://orders/Orders.Read' } });
  b.add({ url: API, method: 'OPTIONS', status: 204, responseHeaders: CORS });
  b.api(API, undefined, 401, { 'WWW-Authenticate': 'Bearer' });
  b.api(API, at1, 200);
  b.add({ url: `${APP}/fonts/segoe.woff2`, status: 404 });
  b.wait(3000);
  const at2 = await signToken(key, accessClaims(b.time));
  b.tokenResponse({ form: { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: '1.AXoA-refresh-1', scope: 'api://orders/Orders.Read' }, tokens: { access_token: at2, refresh_token: '1.AXoA-refresh-2' } });
  b.api(API, at2, 200);
  const graph = await signToken(key, accessClaims(b.time, { aud: '00000003-0000-0000-c000-000000000000', scp: 'User.Read' }), { nonce: 'graph-nonce' });
  b.api('https://graph.microsoft.com/v1.0/me', graph, 200);
  return b;
}

describe('key, signature and hygiene rules on a healthy sign-in', () => {
  it('report no error and no warning (the Graph token is at most info)', async () => {
    const session = await sessionOf((await healthySignIn()).build());
    const { findings, warnings } = runRules(RULES, session, settings());
    expect(warnings.filter((w) => MINE.has(w.message.split(' ')[1] ?? ''))).toEqual([]);
    const mine = findings.filter((f) => MINE.has(f.rule));
    expect(mine.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(mine.map((f) => f.rule)).toEqual(['unverifiable-token']);
    expect((mine[0]!.evidence.groups as { reason: string }[]).map((g) => g.reason)).toEqual(['graph-nonce']);
  });
});
