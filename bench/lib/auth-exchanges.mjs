/** Entra sign-in traffic as MSAL.js in a browser produces it: authorize, login page, token, metadata, errors. */
import { exchange } from './exchange.mjs';
import { BASE64URL } from './prng.mjs';

export const APP_ORIGIN = 'https://orders.contoso.com';
const LOGIN = 'https://login.microsoftonline.com';
const MSAL_HEADERS = [['x-client-sku', 'msal.js.browser'], ['x-client-ver', '3.27.0'], ['x-client-os', 'Windows'], ['x-ms-lib-capability', 'retry-after, h429']];

/** `set` (a token set) pins state and nonce, so that its redirect and ID token match the request. */
function authorizeUrl(ctx, set) {
  const { rng, identity: id } = ctx;
  const q = new URLSearchParams({
    client_id: id.clientId, scope: `${id.apiScope} openid profile offline_access`, redirect_uri: `${APP_ORIGIN}/`,
    'client-request-id': rng.guid(), response_mode: 'fragment', response_type: 'code', 'x-client-SKU': 'msal.js.browser',
    'x-client-VER': '3.27.0', client_info: '1', code_challenge: rng.chars(43, BASE64URL), code_challenge_method: 'S256',
    nonce: set?.nonce ?? rng.guid(), state: set?.state ?? rng.chars(120, BASE64URL),
  });
  return `${id.authority}/oauth2/v2.0/authorize?${q}`;
}

const LOGIN_ERRORS = {
  50126: 'Error validating credentials due to invalid username or password.',
  50053: 'Your account is locked because you tried to sign in too many times with an incorrect user ID or password.',
  50076: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication.',
};

/**
 * The sign-in page: Entra's HTML with its `$Config` settings object; `errorCode` fills
 * sErrorCode as failed sign-ins do. `set`: the token set this sign-in will deliver.
 */
export function loginPage(ctx, t, errorCode, set) {
  const { rng, pools } = ctx;
  const config = {
    fShowPersistentCookiesWarning: false, urlMsaSignUp: `${LOGIN}/common/signup`, sErrorCode: errorCode ?? '',
    sErrTxt: errorCode ? `AADSTS${errorCode}: ${LOGIN_ERRORS[errorCode] ?? 'Sign-in failed.'}` : '',
    sCtx: rng.chars(400, BASE64URL), sFT: rng.chars(600, BASE64URL), canary: rng.chars(300, BASE64URL),
    correlationId: rng.guid(), sessionId: rng.guid(), strings: pools.text('prose', rng.int(800, 3000)),
  };
  const html = `<!DOCTYPE html><html dir="ltr" lang="en"><head><title>Sign in to your account</title><script type="text/javascript">//<![CDATA[\n$Config=${JSON.stringify(config)};\n//]]></script></head><body>${pools.text('page', rng.int(20_000, 60_000))}</body></html>`;
  return exchange(ctx, t, {
    url: authorizeUrl(ctx, set), dest: 'document', resourceType: 'document', referer: `${APP_ORIGIN}/`, mimeType: 'text/html; charset=utf-8',
    text: html, cache: 'no-store, no-cache', server: 'Microsoft-IIS/10.0',
    setCookies: [`buid=${rng.chars(200, BASE64URL)}; expires=Sat, 14-Mar-2026 08:30:00 GMT; path=/; secure; HttpOnly; SameSite=None`, `esctx=${rng.chars(300, BASE64URL)}; domain=.login.microsoftonline.com; path=/; secure; HttpOnly; SameSite=None`],
    respExtra: [['x-ms-ests-server', '2.1.19342.5 - NEULR1 ProdSlices'], ['p3p', 'CP="DSP CUR OTPi IND OTRi ONL FIN"']],
  });
}

/** Silent or interactive authorize answered with a redirect that carries the code in the fragment. */
export function authorizeRedirect(ctx, t, set) {
  const { rng } = ctx;
  const location = `${APP_ORIGIN}/#code=${set.code}&client_info=${set.clientInfo}&state=${set.state}&session_state=${rng.guid()}`;
  return exchange(ctx, t, {
    url: authorizeUrl(ctx, set), dest: 'document', resourceType: 'document', referer: `${APP_ORIGIN}/`, status: 302,
    mimeType: 'text/html; charset=utf-8', text: '', location, cookie: `ESTSAUTHPERSISTENT=${rng.chars(600, BASE64URL)}; buid=${rng.chars(200, BASE64URL)}`,
    cache: 'no-store, no-cache', server: 'Microsoft-IIS/10.0', respExtra: [['x-ms-ests-server', '2.1.19342.5 - NEULR1 ProdSlices']],
  });
}

function tokenCall(ctx, t, form, response) {
  const { rng, identity: id } = ctx;
  return exchange(ctx, t, {
    method: 'POST', url: `${id.authority}/oauth2/v2.0/token`, dest: 'fetch', resourceType: 'fetch', referer: `${APP_ORIGIN}/`, origin: APP_ORIGIN,
    reqBody: { mimeType: 'application/x-www-form-urlencoded;charset=utf-8', text: new URLSearchParams(form).toString() },
    reqExtra: [...MSAL_HEADERS, ['client-request-id', rng.guid()]],
    status: response.status, mimeType: 'application/json; charset=utf-8', text: JSON.stringify(response.body),
    cache: 'no-store, no-cache', cors: APP_ORIGIN, server: 'Microsoft-IIS/10.0',
    respExtra: [['x-ms-ests-server', '2.1.19342.5 - WEULR1 ProdSlices'], ['x-ms-clitelem', '1,0,0,,']],
  });
}

/** Code or refresh-token redemption that succeeds with a fresh token set. */
export function tokenSuccess(ctx, t, set, previous) {
  const { rng, identity: id } = ctx;
  const form = previous
    ? { client_id: id.clientId, scope: `${id.apiScope} openid profile offline_access`, grant_type: 'refresh_token', client_info: '1', refresh_token: previous.refresh }
    : { client_id: id.clientId, redirect_uri: `${APP_ORIGIN}/`, scope: `${id.apiScope} openid profile offline_access`, code: set.code, code_verifier: rng.chars(43, BASE64URL), grant_type: 'authorization_code', client_info: '1' };
  const body = {
    token_type: 'Bearer', scope: `${id.apiScope} Orders.Write openid profile`, expires_in: 3599, ext_expires_in: 3599,
    // Entra puts the sign-in's nonce only in ID tokens redeemed from its code.
    access_token: set.access, refresh_token: set.refresh, refresh_token_expires_in: 86399, id_token: previous ? set.refreshedIdToken : set.idToken, client_info: set.clientInfo,
  };
  return tokenCall(ctx, t, form, { status: 200, body });
}

const TOKEN_ERRORS = [
  ['invalid_grant', 700082, 'The refresh token has expired due to inactivity. The token was issued on 2024-11-02T10:11:12.0000000Z and was inactive for 90.00:00:00.'],
  ['invalid_grant', 50173, 'The provided grant has expired due to it being revoked, a fresh auth token is needed.'],
  ['invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity.'],
  ['interaction_required', 50076, 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.'],
];

/** A failed redemption with Entra's error JSON (AADSTS code in the description and in error_codes). */
export function tokenFailure(ctx, t, previous) {
  const { rng, identity: id } = ctx;
  const [error, code, text] = rng.pick(TOKEN_ERRORS);
  const traceId = rng.guid();
  const correlationId = rng.guid();
  const stamp = new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const body = {
    error, error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${stamp}`,
    error_codes: [code], timestamp: stamp, trace_id: traceId, correlation_id: correlationId, error_uri: `${LOGIN}/error?code=${code}`,
    ...(code === 50076 ? { suberror: 'basic_action' } : {}),
  };
  const form = { client_id: id.clientId, scope: `${id.apiScope} openid profile offline_access`, grant_type: 'refresh_token', client_info: '1', refresh_token: previous.refresh };
  return tokenCall(ctx, t, form, { status: 400, body });
}

export function openIdConfiguration(ctx, t) {
  const { identity: id } = ctx;
  const body = {
    token_endpoint: `${id.authority}/oauth2/v2.0/token`, token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${id.authority}/discovery/v2.0/keys`, response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'], id_token_signing_alg_values_supported: ['RS256'], response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'], issuer: id.issuer, request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo', authorization_endpoint: `${id.authority}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${id.authority}/oauth2/v2.0/devicecode`, http_logout_supported: true, frontchannel_logout_supported: true,
    end_session_endpoint: `${id.authority}/oauth2/v2.0/logout`, claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'tid', 'ver', 'oid'],
    tenant_region_scope: 'EU', cloud_instance_name: 'microsoftonline.com', cloud_graph_host_name: 'graph.windows.net', msgraph_host: 'graph.microsoft.com',
  };
  return exchange(ctx, t, {
    url: `${id.authority}/v2.0/.well-known/openid-configuration`, dest: 'fetch', referer: `${APP_ORIGIN}/`, origin: APP_ORIGIN,
    mimeType: 'application/json; charset=utf-8', text: JSON.stringify(body), cache: 'max-age=86400, private', cors: '*', server: 'Microsoft-IIS/10.0',
  });
}

export function jwksResponse(ctx, t) {
  const { identity: id, tokens } = ctx;
  return exchange(ctx, t, {
    url: `${id.authority}/discovery/v2.0/keys`, dest: 'fetch', referer: `${APP_ORIGIN}/`, origin: APP_ORIGIN,
    mimeType: 'application/json; charset=utf-8', text: JSON.stringify(tokens.jwks()), cache: 'max-age=86400, private', cors: '*', server: 'Microsoft-IIS/10.0',
  });
}
