/**
 * Precision of the time and identity rules on a healthy sign-in: refreshes,
 * 302s, a CORS preflight, a font failure, a 401-then-retry challenge, a
 * Graph call. The whole registry runs (so earlier rules feed `previous`);
 * none of these rules may report an error or a warning.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { accessClaims, API_APP_ID, AUTHORITY, CLIENT_ID, makeKey, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { API, findingsOf, idx10205, idx10214, idx10222, idx10223, OTHER_API } from './support/identity-traces.js';

const MINE = ['token-expired', 'token-not-yet-valid', 'clock-skew', 'audience-mismatch', 'issuer-mismatch', 'cloud-mismatch', 'missing-scope-or-role'];
const SPA = 'https://app.contoso.com';
let key: Key;
beforeAll(async () => {
  key = await makeKey('kid-healthy');
});

/** Entra-style times: iat/nbf back-dated five minutes, exp = issue + expires_in. */
async function entraToken(nowMs: number, extra: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(nowMs / 1000);
  return signToken(key, accessClaims(nowMs, { iat: now - 300, nbf: now - 300, exp: now + 3599, ...extra }), header);
}

async function healthyTrace(): Promise<TraceBuilder> {
  const b = new TraceBuilder();
  b.add({ url: `${SPA}/` });
  b.add({ url: `${AUTHORITY}/v2.0/.well-known/openid-configuration`, responseBody: JSON.stringify({ issuer: `${AUTHORITY}/v2.0`, jwks_uri: `${AUTHORITY}/discovery/v2.0/keys` }) });
  b.jwks([key]);
  b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=code&state=s1&nonce=n1`, status: 302, responseHeaders: { Location: `${SPA}/cb?code=0.AAAA-code&state=s1` } });
  b.add({ url: `${SPA}/cb?code=0.AAAA-code&state=s1` });
  b.add({ method: 'OPTIONS', url: `${AUTHORITY}/oauth2/v2.0/token`, status: 204 });
  const first = await entraToken(b.time);
  b.tokenResponse({ form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code: '0.AAAA-code' }, tokens: { access_token: first, refresh_token: '0.AAAA-refresh-opaque', expires_in: 3599 } });
  b.api(`${API}/orders`, undefined, 401, { 'WWW-Authenticate': `Bearer realm="", authorization_uri="${AUTHORITY}/oauth2/authorize", client_id="${API_APP_ID}"` });
  b.api(`${API}/orders`, first);
  b.add({ method: 'OPTIONS', url: `${API}/orders/1`, status: 204 });
  b.api(`${API}/orders/1`, first);
  b.add({ url: `${SPA}/fonts/segoe.woff2`, status: 404 });
  b.add({ url: `${SPA}/img/logo.png`, status: 0, error: 'net::ERR_BLOCKED_BY_CLIENT' });
  const graph = await entraToken(b.time, { aud: '00000003-0000-0000-c000-000000000000', iss: `https://sts.windows.net/${accessClaims(0).tid}/`, ver: '1.0', scp: 'User.Read' }, { nonce: 'graph-nonce' });
  b.tokenResponse({ form: { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: '0.AAAA-refresh-opaque', scope: 'https://graph.microsoft.com/User.Read' }, tokens: { access_token: graph, expires_in: 3599 } });
  b.api('https://graph.microsoft.com/v1.0/me', graph);
  b.wait(3300);
  const second = await entraToken(b.time);
  b.tokenResponse({ form: { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: '0.AAAA-refresh-opaque' }, tokens: { access_token: second, expires_in: 3599 } });
  b.api(`${API}/orders`, second);
  b.api(`${API}/orders/2`, second, 403); // an authorization rule of the API, not a scope problem
  return b;
}

describe('time and identity rules on a healthy sign-in', () => {
  it('report no error or warning', async () => {
    const b = await healthyTrace();
    const fs = (await findingsOf(RULES, b.build(), { expectAudiences: [API_APP_ID], expectTenant: accessClaims(0).tid as string })).filter((f) => MINE.includes(f.rule));
    expect(fs.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a token used a little after exp in the same trace is only info', async () => {
    const b = await healthyTrace();
    const late = await entraToken(b.time - 3650_000);
    b.api(`${API}/orders/3`, late);
    const fs = (await findingsOf(RULES, b.build())).filter((f) => MINE.includes(f.rule));
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['token-expired', 'info']]);
  });
});

describe('IDX codes these rules explain', () => {
  it('do not reach idx-error', async () => {
    const b = new TraceBuilder();
    const now = Math.floor(b.time / 1000);
    const expired = await signToken(key, accessClaims(b.time - 7200_000));
    b.api(`${API}/a`, expired, 401, idx10223(now - 3600, b.time)); // #1
    const early = await signToken(key, accessClaims(b.time + 900_000));
    b.api(`${API}/b`, early, 401, idx10222(now + 900, b.time)); // #2
    b.api(`${OTHER_API}/c`, await entraToken(b.time), 401, idx10214(`api://${API_APP_ID}`, 'api://reports')); // #3
    const v1 = await entraToken(b.time, { iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/', ver: '1.0' });
    b.api(`${API}/d`, v1, 401, idx10205('https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/', `${AUTHORITY}/v2.0`)); // #4
    const fs = await findingsOf(RULES, b.build());
    expect(fs.filter((f) => f.rule === 'idx-error')).toEqual([]);
    expect(fs.filter((f) => MINE.includes(f.rule)).map((f) => [f.rule, f.code])).toEqual([
      ['token-expired', 'IDX10223'],
      ['token-not-yet-valid', 'IDX10222'],
      ['audience-mismatch', 'IDX10214'],
      ['issuer-mismatch', 'IDX10205'],
    ]);
  });
});
