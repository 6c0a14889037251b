/**
 * Generated sign-in traffic full of planted secrets and hostile values: bearer
 * JWTs with odd claims, token responses, form posts with client secrets and
 * codes, challenges with IDX codes, junk key sets, odd Date headers. Every
 * secret planted is listed, so outputs can be scanned for it.
 */
import fc from 'fast-check';
import { anyText } from './arbitraries.js';

const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const LOGIN = `https://login.microsoftonline.com/${TID}`;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

const timeClaim = fc.oneof(fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }), fc.constantFrom(0, -1, 1e308, 8.64e12, '1714557600', null, 'soon', [1]));
const claimsArb = fc.record({
  iss: fc.constantFrom(`${LOGIN}/v2.0`, `https://sts.windows.net/${TID}/`, 'https://contoso.b2clogin.com/x/v2.0/', 'https://login.microsoftonline.us/x/v2.0', 5, ''),
  aud: fc.oneof(fc.constantFrom('api://contoso', '00000003-0000-0000-c000-000000000000', 'https://graph.microsoft.com'), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), fc.constant({ a: 1 })),
  exp: timeClaim,
  nbf: timeClaim,
  iat: timeClaim,
  tid: fc.constantFrom(TID, 'x', 7),
  scp: fc.oneof(fc.constantFrom('User.Read', 'access_as_user Files.Read'), fc.string({ maxLength: 10 }), fc.constant(42)),
  roles: fc.oneof(fc.constant(['Admin']), fc.constant('Admin'), fc.constant(null)),
  idtyp: fc.constantFrom('app', 'user', undefined),
  nonce: fc.constantFrom('n-1', undefined),
});
const headerArb = fc.record({ typ: fc.constantFrom('JWT', 'at+jwt'), alg: fc.constantFrom('RS256', 'ES256', 'HS256', 'none', 'PS512'), kid: fc.constantFrom('k1', 'k2', 'rolled', undefined), nonce: fc.constantFrom(undefined, 'graph-nonce') });

/** A signed-looking JWS whose signature is unique and long enough to recognise in output. */
const jwsArb = fc.tuple(headerArb, claimsArb, fc.uint8Array({ minLength: 32, maxLength: 64 })).map(([h, c, sig]) => `${b64(JSON.parse(JSON.stringify(h)))}.${b64(JSON.parse(JSON.stringify(c)))}.${Buffer.from(sig).toString('base64url')}`);
/** Opaque secrets with a marker that never occurs by chance. */
const opaque = (kind: string) => fc.stringMatching(/^[A-Za-z0-9]{16,24}$/).map((s) => `0.A${kind}SECRET${s}`);

const date = fc.oneof(fc.date({ min: new Date(1.6e12), max: new Date(1.8e12), noInvalidDate: true }).map((d) => d.toUTCString()), fc.constantFrom('yesterday', '', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Sat, 31 Dec 9999 23:59:59 GMT'));
const challenge = fc.oneof(
  fc.constantFrom(
    'Bearer error="invalid_token", error_description="IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): \'2024-05-01 10:00:00\', Current time (UTC): \'2024-05-01 11:00:00\'."',
    "Bearer error=\"invalid_token\", error_description=\"IDX10501: Signature validation failed. Unable to match key: kid: 'rolled'\"",
    "Bearer error=\"invalid_token\", error_description=\"IDX10214: Audience validation failed. Audiences: 'api://x'. Did not match: validationParameters.ValidAudience: 'api://y'\"",
    'Bearer error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ=="',
    `Bearer realm="", authorization_uri="${LOGIN}/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
  ),
  anyText,
);

export interface PlantedEntry {
  entry: Record<string, unknown>;
  secrets: string[];
}

const entryArb = fc
  .record({
    kind: fc.constantFrom('api', 'token', 'jwks', 'authorize', 'login-page'),
    at: fc.double({ min: 1.7e12, max: 1.7001e12, noNaN: true }),
    access: jwsArb,
    id: jwsArb,
    assertion: jwsArb,
    refresh: opaque('RT'),
    code: opaque('CODE'),
    clientSecret: opaque('CS'),
    cookie: opaque('CK'),
    status: fc.constantFrom(200, 302, 400, 401, 403, 0),
    challenge,
    date,
    aadsts: fc.integer({ min: 1000, max: 9_999_999 }),
    junk: anyText,
  })
  .map((g): PlantedEntry => {
    const base = { startedDateTime: new Date(g.at).toISOString(), time: 20, cache: {}, timings: { send: 0, wait: 20, receive: 0 } };
    const res = (status: number, headers: { name: string; value: string }[], text: string, mimeType = 'application/json') => ({ status, statusText: '', httpVersion: 'HTTP/1.1', headers: [{ name: 'Date', value: g.date }, ...headers], cookies: [], content: { size: text.length, mimeType, text }, redirectURL: '', headersSize: -1, bodySize: -1 });
    const req = (method: string, url: string, headers: { name: string; value: string }[], post?: string) => ({ method, url, httpVersion: 'HTTP/1.1', headers, queryString: [], cookies: [], headersSize: -1, bodySize: post?.length ?? 0, ...(post !== undefined ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: post } } : {}) });
    const secrets = [g.access, g.id, g.assertion].map((t) => t.split('.')[2]!).concat([g.refresh, g.code, g.clientSecret, g.cookie]);
    switch (g.kind) {
      case 'api':
        return { entry: { ...base, request: req('GET', 'https://api.contoso.example/orders', [{ name: 'Authorization', value: `Bearer ${g.access}` }, { name: 'Cookie', value: `session=${g.cookie}` }]), response: res(g.status, [{ name: 'WWW-Authenticate', value: g.challenge }], g.junk) }, secrets };
      case 'token': {
        const form = `grant_type=authorization_code&client_id=c&code=${g.code}&client_secret=${g.clientSecret}&client_assertion=${g.assertion}&refresh_token=${g.refresh}`;
        const body = g.status === 200 ? JSON.stringify({ token_type: 'Bearer', access_token: g.access, id_token: g.id, refresh_token: g.refresh, expires_in: 3599 }) : JSON.stringify({ error: 'invalid_grant', error_description: `AADSTS${g.aadsts}: ${g.junk}`, error_codes: [g.aadsts] });
        return { entry: { ...base, request: req('POST', `${LOGIN}/oauth2/v2.0/token`, [], form), response: res(g.status, [{ name: 'Set-Cookie', value: `fpc=${g.cookie}; path=/` }], body) }, secrets };
      }
      case 'jwks':
        return { entry: { ...base, request: req('GET', `${LOGIN}/discovery/v2.0/keys`, []), response: res(g.status, [], JSON.stringify({ keys: [{ kty: 'RSA', kid: 'k1', n: g.junk, e: 'AQAB' }, { kty: 'EC', kid: 'k2', x5c: [g.junk] }, { kid: 'rolled' }] })) }, secrets: [] };
      case 'authorize':
        return { entry: { ...base, request: req('GET', `https://app.example/cb?code=${g.code}&state=s1#id_token=${g.id}&access_token=${g.access}`, [{ name: 'Referer', value: `https://app.example/?access_token=${g.access}` }]), response: res(302, [{ name: 'Location', value: `https://app.example/done#id_token=${g.id}&error_description=AADSTS${g.aadsts}` }], '') }, secrets };
      default:
        return { entry: { ...base, request: req('POST', `${LOGIN}/login`, [], `login=a%40b.c&passwd=${g.clientSecret}`), response: res(200, [], `<script>$Config={"sErrorCode":"${g.aadsts}","sErrTxt":"${g.junk.replace(/["\\<]/g, '')}"};</script><input type="hidden" name="code" value="${g.code}">`, 'text/html') }, secrets };
    }
  });

export const authTraffic = fc.array(entryArb, { minLength: 1, maxLength: 12 }).map((planted) => ({
  har: JSON.stringify({ log: { version: '1.2', creator: { name: 'fuzz', version: '1' }, entries: planted.map((p) => p.entry) } }),
  secrets: planted.flatMap((p) => p.secrets),
}));
