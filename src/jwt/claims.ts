import { isMicrosoftAuthority, issuerKind } from './issuer.js';

type Claims = Record<string, unknown> | undefined;

function stringList(value: unknown, separator: RegExp): string[] {
  if (typeof value === 'string') return value.split(separator).filter((s) => s.length > 0);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.length > 0);
  return [];
}

/** Delegated permissions: `scp` is one space-separated string (RFC 9068 tokens use `scope`). */
export function scopesOf(claims: Claims): string[] {
  if (!claims) return [];
  return stringList(claims.scp ?? claims.scope, /\s+/);
}

/** App roles (application permissions or user app-role assignments). */
export function rolesOf(claims: Claims): string[] {
  if (!claims) return [];
  return stringList(claims.roles, /\s+/);
}

/**
 * Is this an app-only (client credentials) token? `idtyp` says so when the API asked
 * for that optional claim; otherwise an app token has roles, no scp, and its subject is
 * the client's own service principal (oid === sub).
 */
export function isAppOnly(claims: Claims): boolean {
  if (!claims) return false;
  if (claims.idtyp === 'app') return true;
  if (claims.idtyp === 'user') return false;
  if (claims.scp !== undefined) return false;
  return rolesOf(claims).length > 0 && typeof claims.oid === 'string' && claims.oid === claims.sub;
}

/** "1.0" or "2.0" (the `ver` claim, else the issuer form); undefined when neither says. */
export function tokenVersion(claims: Claims): string | undefined {
  if (!claims) return undefined;
  if (typeof claims.ver === 'string' && claims.ver.length > 0) return claims.ver;
  const kind = issuerKind(claims.iss, claims);
  if (kind === 'v1') return '1.0';
  if (kind === 'v2') return '2.0';
  return undefined;
}

/** The client the token was issued to: `appid` (v1), `azp` (v2), or RFC 9068 `client_id`. */
export function clientIdOf(claims: Claims): string | undefined {
  if (!claims) return undefined;
  for (const name of ['appid', 'azp', 'client_id'] as const) {
    const value = claims[name];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

/** Issued by Entra ID, Microsoft account, B2C or External ID (CIAM); not ADFS or third parties. */
export function isMicrosoftIssued(claims: Claims): boolean {
  if (!claims || typeof claims.iss !== 'string') return false;
  const kind = issuerKind(claims.iss, claims);
  if (kind === 'v1' || kind === 'v2' || kind === 'b2c' || kind === 'ciam') return true;
  return kind === 'other' && isMicrosoftAuthority(claims.iss);
}

/** A numeric-date claim (`exp`, `nbf`, `iat`...) in epoch seconds, if present and finite. */
export function epochClaim(claims: Claims, name: string): number | undefined {
  const value = claims?.[name];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // Some producers write numeric dates as strings; accept plain integers only.
  if (typeof value === 'string' && /^\d{9,11}$/.test(value)) return Number(value);
  return undefined;
}
