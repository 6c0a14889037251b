import { cloudOf, isMicrosoftAuthority, verifySignature } from '../../jwt/index.js';
import type { JwksSnapshot, OidcMetadata, SessionToken } from '../session.js';
import { hostOf } from '../util/url.js';

/** Does this key set plausibly belong to this issuer? */
export function jwksServesIssuer(snap: JwksSnapshot, iss: string, oidc: readonly OidcMetadata[]): boolean {
  const tid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(iss)?.[0];
  for (const templ of snap.issuers) {
    if (templ === iss || (tid && templ.replace(/\{tenantid\}/gi, tid) === iss)) return true;
  }
  for (const m of oidc) if (m.issuer === iss && m.jwksUri && sameUrl(m.jwksUri, snap.uri)) return true;
  return keyUriServesIssuer(snap.uri, iss);
}

/**
 * Host-level guess that a key or metadata URL belongs to an issuer. Entra v1
 * tokens (sts.windows.net) are signed with the keys published on
 * login.microsoftonline.com, so the Entra STS hosts of one cloud count as one.
 * B2C and External ID (CIAM) tenants have key sets of their own: only their
 * own host serves them.
 */
export function keyUriServesIssuer(keyUri: string, iss: string): boolean {
  const issHost = hostOf(iss);
  const keyHost = hostOf(keyUri);
  if (!issHost || !keyHost) return false;
  if (issHost === keyHost) return true;
  if (isTenantScopedAuthority(issHost) || isTenantScopedAuthority(keyHost)) return false;
  return isMicrosoftAuthority(issHost) && isMicrosoftAuthority(keyHost) && cloudOf(issHost) === cloudOf(keyHost);
}

function isTenantScopedAuthority(host: string): boolean {
  return /(^|\.)b2clogin\.com$|(^|\.)ciamlogin\.com$/.test(host);
}

function sameUrl(a: string, b: string): boolean {
  return a.split('?')[0]!.replace(/\/$/, '').toLowerCase() === b.split('?')[0]!.replace(/\/$/, '').toLowerCase();
}

function holdsKey(snap: JwksSnapshot, kid: string | undefined, x5t: string | undefined): boolean {
  return snap.keys.some((k) => (kid !== undefined && k.kid === kid) || (x5t !== undefined && k.x5t === x5t));
}

/**
 * Check every JWS against the key sets in the trace (and --jwks). The snapshot
 * used is the last one fetched before the token's first use that holds its
 * key, else any that holds it: keys do not change under a kid, so any copy
 * verifies the same way.
 */
export async function verifyTokens(tokens: SessionToken[], jwks: readonly JwksSnapshot[], oidc: readonly OidcMetadata[]): Promise<void> {
  for (const t of tokens) {
    if (t.format !== 'jws' || !t.header) {
      t.signature = t.format === 'jwe' ? 'unverifiable' : 'not-checked';
      if (t.format === 'jwe') t.signatureDetail = 'encrypted token (JWE): only its recipient can decrypt and check it';
      continue;
    }
    const kid = typeof t.header.kid === 'string' ? t.header.kid : undefined;
    const x5t = typeof t.header.x5t === 'string' ? t.header.x5t : undefined;
    const firstUse = t.uses[0]?.sentAt ?? t.issuedAt?.receivedAt ?? Number.MAX_SAFE_INTEGER;
    const holders = jwks.filter((s) => holdsKey(s, kid, x5t));
    const before = holders.filter((s) => s.fetchedAt <= firstUse);
    const snap = before[before.length - 1] ?? holders[0];
    const iss = typeof t.claims?.iss === 'string' ? t.claims.iss : '';
    if (snap) {
      const r = await verifySignature(t.compact, snap.keys);
      t.signature = r.status;
      t.signatureDetail = r.detail;
      t.signingKeySource = snap.entry;
      continue;
    }
    const r = await verifySignature(t.compact, []);
    if (r.status === 'unverifiable' || r.status === 'invalid') {
      // Graph nonce, HMAC, alg none: the reason does not depend on a key set.
      t.signature = r.status;
      t.signatureDetail = r.detail;
      continue;
    }
    const forIssuer = iss ? jwks.filter((s) => jwksServesIssuer(s, iss, oidc)) : [];
    if (forIssuer.length > 0) {
      t.signature = 'key-not-found';
      t.signatureDetail = `kid ${kid ?? x5t ?? '(none)'} is in none of the ${forIssuer.length} key set(s) captured for ${iss}`;
    } else {
      t.signature = 'unverifiable';
      t.signatureDetail = iss ? `no key set (JWKS) for ${iss} in the trace; pass one with --jwks` : 'no issuer and no matching key set';
    }
  }
}
