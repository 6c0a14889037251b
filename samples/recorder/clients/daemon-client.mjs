// The confidential "daemon" app as a Node program using openid-client:
// discovery of the tenant's v2.0 metadata, then client credentials grants
// with a client secret or a certificate (private_key_jwt with x5t).
import * as oidc from 'openid-client';
import { importPKCS8 } from 'jose';
import { DAEMON_CLIENT, ISSUER } from '../lib/tenant.mjs';

function clientAuth(credential) {
  if (credential.secret !== undefined) return oidc.ClientSecretPost(credential.secret);
  return null;
}

async function certificateAuth(cert) {
  const key = await importPKCS8(cert.keyPem, 'RS256');
  return oidc.PrivateKeyJwt({ key }, {
    [oidc.modifyAssertion](header) { header.x5t = cert.x5t; },
  });
}

/**
 * Runs one client credentials grant; resolves with { status, accessToken } or
 * { status, error, codes } when the IdP refuses (openid-client throws then).
 */
export async function clientCredentials({ fetchImpl, credential, scope }) {
  const auth = credential.cert ? await certificateAuth(credential.cert) : clientAuth(credential);
  const config = await oidc.discovery(new URL(ISSUER), DAEMON_CLIENT.clientId, undefined, auth, {
    [oidc.customFetch]: fetchImpl,
  });
  config[oidc.customFetch] = fetchImpl;
  try {
    const tokens = await oidc.clientCredentialsGrant(config, { scope });
    return { status: 200, accessToken: tokens.access_token };
  } catch (err) {
    if (err instanceof oidc.ResponseBodyError) return { status: err.status, error: err.error, codes: err.cause?.error_codes };
    throw err;
  }
}

/** A plain API call with a bearer token, as the daemon's HTTP client makes it. */
export async function callApi(fetchImpl, url, accessToken) {
  const r = await fetchImpl(url, { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json', 'Accept-Encoding': 'gzip' } });
  await r.arrayBuffer();
  return { status: r.status, wwwAuthenticate: r.headers.get('www-authenticate') };
}
