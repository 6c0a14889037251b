/**
 * A hand-made sign-in trace for the timeline tests: authorization code flow,
 * API calls, a signing-key rollover the API only catches up with after it
 * refreshes its key set, a redirect-URI error on the login page, and an API
 * whose clock runs 75 s ahead. Plus a 100k-entry generator.
 */
import type { BodyRef, Entry, Finding } from '../../src/model/index.js';
import type { TuiData, TuiOptions } from '../../src/tui/index.js';
import { T0, baseReport, formBody, issued, jsonBody, jwtToken, makeEntry, makeJwt, opaqueToken, textBody, use } from './fixture-builders.js';

export { makeLargeData } from './large-fixture.js';

const TID = '8c1e5b7a-2d4f-4a90-b1c3-5e6f7a8b9c0d';
const CLIENT = '3d2f8e9a-1b4c-4d5e-8f60-7a1b2c3d4e5f';
const LOGIN = `https://login.microsoftonline.com/${TID}`;
const API = 'https://api.contoso.com';
const APP = 'https://app.contoso.com';
const JWKS_URL = `${LOGIN}/discovery/v2.0/keys`;
const t0s = Math.floor(T0 / 1000);

const claims = (iat: number, extra: Record<string, unknown>) => ({
  iss: `${LOGIN}/v2.0`,
  iat,
  nbf: iat,
  exp: iat + 3600,
  tid: TID,
  oid: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  sub: 'Xz9-Qk2mPq7Lr4Tt8Vw1Yy3Aa5Bb6Cc',
  ver: '2.0',
  ...extra,
});

export const AT1 = makeJwt({ typ: 'JWT', alg: 'RS256', kid: 'oldkid' }, claims(t0s + 7, { aud: 'api://contoso-api', azp: CLIENT, scp: 'access_as_user', name: 'Alice Example' }), 'at1');
export const AT2 = makeJwt({ typ: 'JWT', alg: 'RS256', kid: 'newkid' }, claims(t0s + 60, { aud: 'api://contoso-api', azp: CLIENT, scp: 'access_as_user', name: 'Alice Example' }), 'at2');
export const IDT = makeJwt({ typ: 'JWT', alg: 'RS256', kid: 'oldkid' }, claims(t0s + 7, { aud: CLIENT, nonce: 'n-0S6_WzA2Mj', preferred_username: 'alice@contoso.com' }), 'idt');
export const RT1 = '0.AXoAdGhpcy1pcy1hLWZha2UtcmVmcmVzaC10b2tlbi1vbmU_AAAAAAAAAAAAAAAAAAAAAAAA-RT1SECRETVALUE';
export const RT2 = '0.AXoAdGhpcy1pcy1hLWZha2UtcmVmcmVzaC10b2tlbi10d28_BBBBBBBBBBBBBBBBBBBBBBBB-RT2SECRETVALUE';
export const CODE = '1.AXoAZmFrZS1hdXRoLWNvZGUtdmFsdWUtZm9yLXRlc3Rz_CODESECRETVALUE';
export const PASSWORD = 'Secr3t-Pa55word!';
export const COOKIE_VALUE = 'CfDJ8COOKIESECRETVALUE0123456789';

/** Strings that must never appear on screen without --show-secrets. */
export const SECRETS = [AT1, AT2, IDT, ...[AT1, AT2, IDT].map((t) => t.split('.')[2]!), RT1, RT2, CODE, PASSWORD, COOKIE_VALUE];

const bearer = (token: string) => [{ name: 'authorization', value: `Bearer ${token}` }];
const cookie = [{ name: 'cookie', value: `.AspNetCore.Cookies=${COOKIE_VALUE}; ARRAffinity=9f8e7d6c5b4a` }];
const skewedDate = (at: number) => [{ name: 'date', value: new Date(T0 + at * 1000 + 75_000).toUTCString() }];
const jwks = (kids: string[]) => ({ keys: kids.map((kid) => ({ kty: 'RSA', use: 'sig', kid, x5t: kid, n: 'sXch1Y'.repeat(40), e: 'AQAB' })) });
const IDX10501 = `Bearer error="invalid_token", error_description="IDX10501: Signature validation failed. Unable to match key: kid: 'newkid'"`;
const problem = { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.2', title: 'Unauthorized', status: 401, traceId: '00-4bf92f3577b34da6-00' };
const authorize = (client: string, redirect: string) =>
  `${LOGIN}/oauth2/v2.0/authorize?client_id=${client}&response_type=code&redirect_uri=${encodeURIComponent(redirect)}&scope=openid%20profile%20offline_access%20api%3A%2F%2Fcontoso-api%2Faccess_as_user&state=st-77a1&nonce=n-0S6_WzA2Mj`;

/** Bodies that are only on "disk": read back through readBody. */
export const LAZY_BODIES = new Map<string, Buffer>([
  ['app.js', Buffer.from('/* contoso app */\n' + 'function main(){return 1}\n'.repeat(50))],
  ['logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 64 }, (_, i) => i)])],
  ['jwks1', Buffer.from(JSON.stringify(jwks(['oldkid'])))],
]);
const lazy = (member: string, mimeType: string, binary = false): BodyRef => ({
  size: LAZY_BODIES.get(member)!.length,
  mimeType,
  binary,
  location: { kind: 'saz-member', path: '/cases/contoso/session.har', member },
});

function buildEntries(): Entry[] {
  const e = makeEntry;
  const list: Entry[] = [
    e({ index: 1, at: 0, url: `${APP}/`, status: 200, reqHeaders: cookie, resBody: textBody('text/html', '<!doctype html><title>Contoso</title>') }),
    e({ index: 2, at: 0.35, url: `${APP}/static/app.js`, status: 200, resBody: lazy('app.js', 'application/javascript') }),
    e({ index: 3, at: 0.4, url: `${APP}/static/logo.png`, status: 200, resBody: lazy('logo.png', 'image/png', true) }),
    e({ index: 4, at: 1.2, url: `${LOGIN}/v2.0/.well-known/openid-configuration`, status: 200, resBody: jsonBody({ issuer: `${LOGIN}/v2.0`, jwks_uri: JWKS_URL }) }),
    e({ index: 5, at: 1.5, url: authorize(CLIENT, `${APP}/signin-oidc`), status: 200, resBody: textBody('text/html', '<html>Sign in</html>') }),
    e({ index: 6, at: 6.8, method: 'POST', url: `${LOGIN}/login`, status: 302, reqBody: formBody({ login: 'alice@contoso.com', passwd: PASSWORD, ctx: 'rQQIARAA-ctx' }), resHeaders: [{ name: 'location', value: `${APP}/signin-oidc?code=${CODE}&state=st-77a1` }] }),
    e({ index: 7, at: 7.1, url: `${APP}/signin-oidc?code=${CODE}&state=st-77a1`, status: 200, resHeaders: [{ name: 'set-cookie', value: `.AspNetCore.Cookies=${COOKIE_VALUE}; path=/; secure; httponly` }] }),
    e({ index: 8, at: 7.3, method: 'POST', url: `${LOGIN}/oauth2/v2.0/token`, status: 200, durationMs: 310, reqBody: formBody({ client_id: CLIENT, grant_type: 'authorization_code', code: CODE, redirect_uri: `${APP}/signin-oidc`, code_verifier: 'verifier-Zx81' }), resBody: jsonBody({ token_type: 'Bearer', scope: 'api://contoso-api/access_as_user', expires_in: 3599, access_token: AT1, refresh_token: RT1, id_token: IDT }) }),
    e({ index: 9, at: 7.7, url: JWKS_URL, status: 200, resBody: lazy('jwks1', 'application/json') }),
    e({ index: 10, at: 8, url: `${API}/orders`, status: 200, reqHeaders: bearer(AT1), resHeaders: skewedDate(8), resBody: jsonBody([{ id: 1 }]) }),
    e({ index: 11, at: 8, url: `${API}/profile`, status: 200, reqHeaders: bearer(AT1), resHeaders: skewedDate(8), resBody: jsonBody({ name: 'Alice' }) }),
    e({ index: 12, at: 9.5, url: `${APP}/api/health`, status: 200, resBody: textBody('text/plain', 'ok') }),
  ];
  for (let i = 0; i < 8; i++) list.push(e({ index: 13 + i, at: 10 + i * 4, url: `${API}/orders?page=${i + 2}`, status: 200, reqHeaders: bearer(AT1), resHeaders: skewedDate(10 + i * 4), resBody: jsonBody([{ id: i }]) }));
  list.push(
    e({ index: 21, at: 45, method: 'OPTIONS', url: `${API}/orders`, status: 204 }),
    e({ index: 22, at: 60, method: 'POST', url: `${LOGIN}/oauth2/v2.0/token`, status: 200, durationMs: 280, reqBody: formBody({ client_id: CLIENT, grant_type: 'refresh_token', refresh_token: RT1, scope: 'api://contoso-api/access_as_user offline_access' }), resBody: jsonBody({ token_type: 'Bearer', expires_in: 3599, access_token: AT2, refresh_token: RT2 }) }),
    e({ index: 23, at: 60.5, url: `${API}/orders`, status: 401, statusText: 'Unauthorized', reqHeaders: bearer(AT2), resHeaders: [{ name: 'www-authenticate', value: IDX10501 }], resBody: jsonBody(problem, 'application/problem+json') }),
    e({ index: 24, at: 61.2, url: `${API}/orders`, status: 401, statusText: 'Unauthorized', reqHeaders: bearer(AT2), resHeaders: [{ name: 'www-authenticate', value: IDX10501 }], resBody: jsonBody(problem, 'application/problem+json') }),
    e({ index: 25, at: 62, url: `${API}/profile`, status: 401, statusText: 'Unauthorized', reqHeaders: bearer(AT2), resHeaders: [{ name: 'www-authenticate', value: IDX10501 }] }),
    e({ index: 26, at: 63, url: `${APP}/favicon.ico`, status: 404, statusText: 'Not Found' }),
    e({ index: 27, at: 70, url: JWKS_URL, status: 200, resBody: jsonBody(jwks(['oldkid', 'newkid'])) }),
    e({ index: 28, at: 71, url: `${API}/orders`, status: 200, reqHeaders: bearer(AT2), resBody: jsonBody([{ id: 1 }]) }),
    e({ index: 29, at: 72, url: `${API}/profile`, status: 200, reqHeaders: bearer(AT2), resBody: jsonBody({ name: 'Alice' }) }),
    e({ index: 30, at: 80, url: authorize('9a8b7c6d-0000-4e1f-a2b3-c4d5e6f7a8b9', 'http://localhost:5000/'), status: 200, resBody: textBody('text/html', '<script>$Config={"sErrorCode":"50011","sErrTxt":"AADSTS50011: The redirect URI specified in the request does not match."};</script>') }),
    e({ index: 31, at: 85, method: 'POST', url: `${APP}/api/orders`, status: 201, statusText: 'Created', reqHeaders: bearer(AT2), reqBody: jsonBody({ item: 'coffee', qty: 2 }), resBody: jsonBody({ id: 42 }) }),
  );
  for (let i = 0; i < 7; i++) list.push(e({ index: 32 + i, at: 90 + i * 2, url: `${API}/orders/${40 + i}`, status: 200, reqHeaders: bearer(AT2), resBody: jsonBody({ id: 40 + i }) }));
  list.push(
    e({ index: 39, at: 110, url: `${APP}/logout`, status: 302, resHeaders: [{ name: 'location', value: `${LOGIN}/oauth2/v2.0/logout?id_token_hint=${IDT}` }] }),
    e({ index: 40, at: 110.5, url: `${LOGIN}/oauth2/v2.0/logout?id_token_hint=${IDT}`, status: 200, resBody: textBody('text/html', '<html>Signed out</html>') }),
  );
  // Producers like mitmproxy write entries in completion order; the timeline must sort them.
  return list.sort((a, b) => a.startedAt + a.durationMs - (b.startedAt + b.durationMs) || b.index - a.index);
}

export function makeSignInData(): TuiData {
  const entries = buildEntries();
  const at = (index: number) => entries.find((x) => x.index === index)!;
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => at(from + i));
  const at1 = jwtToken(AT1, 'access', { issuedAt: issued(at(8), 'response', 'access_token', 'authorization_code'), uses: [at(10), at(11), ...range(13, 20)].map((x) => use(x, 'authorization')), signatureDetail: 'verified with kid oldkid from the key set at #9' });
  const at2 = jwtToken(AT2, 'access', { issuedAt: issued(at(22), 'response', 'access_token', 'refresh_token'), uses: [...range(23, 25), at(28), at(29), ...range(31, 38)].map((x) => use(x, 'authorization')), signatureDetail: 'verified with kid newkid from the key set at #27' });
  const idt = jwtToken(IDT, 'id', { issuedAt: issued(at(8), 'response', 'id_token', 'authorization_code'), uses: [use(at(40), 'query', 'id_token_hint')], signatureDetail: 'verified with kid oldkid from the key set at #9' });
  const rt1 = opaqueToken(RT1, 'refresh', { issuedAt: issued(at(8), 'response', 'refresh_token', 'authorization_code'), uses: [use(at(22), 'body', 'refresh_token')] });
  const rt2 = opaqueToken(RT2, 'refresh', { issuedAt: issued(at(22), 'response', 'refresh_token', 'refresh_token') });
  const code = opaqueToken(CODE, 'code', { issuedAt: issued(at(6), 'response', 'location'), uses: [use(at(7), 'query', 'code'), use(at(8), 'body', 'code')] });
  const tokens = [code, at1, idt, rt1, at2, rt2];
  const refs = (...idx: number[]) => idx.map((index) => ({ input: 0, index }));
  const findings: Finding[] = [
    {
      id: 'F1', rule: 'signing-key-rotated', severity: 'error', code: 'IDX10501', time: new Date(at(23).startedAt).toISOString(),
      title: 'Signing key rolled over; the API refused tokens signed with the new key',
      message: `api.contoso.com refused token ${at2.id} (kid newkid) with IDX10501 three times while its key set only had oldkid; after the key set was fetched again at #27 the same token was accepted from #28.`,
      entries: refs(23, 24, 25, 27, 28), tokens: [at2.id],
      evidence: { jwksUri: JWKS_URL, oldKid: 'oldkid', newKid: 'newkid', jwksBefore: '#9 kids: oldkid', jwksAfter: '#27 kids: oldkid, newkid', failingEntries: [23, 24, 25], recoveredAt: 28 },
      advice: 'Let the API refresh its signing keys when it meets an unknown kid (Microsoft.IdentityModel does so through ConfigurationManager; avoid pinning keys or caching them for days).',
    },
    {
      id: 'F2', rule: 'aad-error', severity: 'warning', code: 'AADSTS50011', time: new Date(at(30).startedAt).toISOString(),
      title: 'AADSTS50011: redirect URI mismatch', message: 'The login page reported AADSTS50011 for client 9a8b7c6d-0000-4e1f-a2b3-c4d5e6f7a8b9: http://localhost:5000/ is not a registered redirect URI.',
      entries: refs(30), tokens: [], evidence: { clientId: '9a8b7c6d-0000-4e1f-a2b3-c4d5e6f7a8b9', redirectUri: 'http://localhost:5000/', source: 'login page $Config sErrorCode' },
      advice: 'Add the redirect URI to the app registration (Authentication blade), with the exact scheme, host, port and trailing slash.',
    },
    {
      id: 'F3', rule: 'clock-skew', severity: 'info', time: new Date(at(10).startedAt).toISOString(),
      title: 'api.contoso.com clock is 75 s ahead', message: 'The Date headers of api.contoso.com are 75 s ahead of the client clock over 10 responses.',
      entries: refs(10, 11, 13), tokens: [], evidence: { origin: API, skewSeconds: 75, direction: 'server ahead', entriesMeasured: 10 },
      advice: 'Within the 300 s tolerance; sync the server clock with NTP before it drifts further.',
    },
  ];
  return { entries, report: baseReport(entries, tokens, findings) };
}

/** Options for the app around fixed data; records what the callbacks saw. */
export function fixtureOptions(data: TuiData, overrides: Partial<TuiOptions> = {}): TuiOptions & { exports: [string, string][]; reads: BodyRef[] } {
  const exports: [string, string][] = [];
  const reads: BodyRef[] = [];
  return {
    load: async () => data,
    readBody: async (ref) => {
      reads.push(ref);
      const loc = ref.location;
      const bytes = loc && loc.kind === 'saz-member' ? LAZY_BODIES.get(loc.member) : undefined;
      if (!bytes) throw new Error('body not found');
      return bytes;
    },
    showSecrets: false,
    exportReport: async (kind, path) => {
      exports.push([kind, path]);
      return path;
    },
    defaultExportPath: (kind) => `/cases/contoso/session.trace-audit.${kind === 'json' ? 'json' : 'md'}`,
    noColor: true,
    ...overrides,
    exports,
    reads,
  };
}
