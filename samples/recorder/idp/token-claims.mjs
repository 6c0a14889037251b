// Rewrites oidc-provider's RFC 9068 access token into the claim set of an
// Entra v2 access token (aud = API app id, azp, scp or roles, oid, tid, ver,
// idtyp for app-only tokens, nbf, uti instead of jti; typ "JWT").
import crypto from 'node:crypto';
import { DAEMON_CLIENT, TENANT_ID, USER, apiByResource } from '../lib/tenant.mjs';

function shortScopes(scope, appIdUri) {
  return String(scope ?? '').split(' ')
    .filter((s) => s.startsWith(`${appIdUri}/`))
    .map((s) => s.slice(appIdUri.length + 1))
    .filter((s) => s !== '.default');
}

export async function entraAccessTokenClaims(ctx, token, jwt) {
  const resource = token.resourceServer?.identifier();
  const api = apiByResource(resource);
  const p = jwt.payload;
  const appOnly = token.kind === 'ClientCredentials';
  const out = {
    aud: p.aud,
    iss: p.iss,
    iat: p.iat,
    nbf: p.iat,
    exp: p.exp,
    aio: crypto.randomBytes(24).toString('base64url'),
    azp: p.client_id,
    azpacr: appOnly ? '1' : '0',
  };
  if (appOnly) {
    out.idtyp = 'app';
    out.oid = DAEMON_CLIENT.servicePrincipalOid;
    const roles = DAEMON_CLIENT.roles[api?.appIdUri] ?? [];
    if (roles.length) out.roles = roles;
    out.sub = DAEMON_CLIENT.servicePrincipalOid;
  } else {
    out.name = USER.name;
    out.oid = USER.oid;
    out.preferred_username = USER.username;
    out.scp = shortScopes(p.scope, api?.appIdUri).join(' ');
    out.sub = p.sub;
  }
  out.tid = TENANT_ID;
  out.uti = p.jti;
  out.ver = '2.0';
  jwt.payload = out;
  jwt.header = { typ: 'JWT' };
}
