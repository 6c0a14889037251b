import { audienceList } from './audience.js';
import { clientIdOf, epochClaim, isAppOnly, rolesOf, scopesOf, tokenVersion } from './claims.js';
import { cloudOf, type CloudName } from './cloud.js';
import type { DecodedToken } from './decode.js';
import { issuerKind, tenantOfIssuer, type IssuerKind } from './issuer.js';
import { isoFromEpochSeconds, relativeTo, type RelativeOptions } from './times.js';

/** The facts a support engineer reads first, derived from header and claims. */
export interface TokenFacts {
  alg?: string;
  kid?: string;
  typ?: string;
  issuer?: string;
  issuerKind: IssuerKind;
  cloud: CloudName;
  tenant?: string;
  audience: string[];
  clientId?: string;
  version?: string;
  /** 'app-only' (client credentials), 'delegated' (a user is present), or unknown without claims. */
  subject: 'app-only' | 'delegated' | 'unknown';
  scopes: string[];
  roles: string[];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function tokenFacts(decoded: DecodedToken): TokenFacts {
  const header = decoded.header ?? {};
  const claims = decoded.claims;
  const iss = str(claims?.iss);
  const tenant = str(claims?.tid)?.toLowerCase() ?? tenantOfIssuer(iss);
  // Built in reading order (header, issuer, audience, client, permissions) so the JSON reads top-down.
  const entries: Array<[keyof TokenFacts, unknown]> = [
    ['alg', str(header.alg)],
    ['kid', str(header.kid) ?? str(header.x5t)],
    ['typ', str(header.typ)],
    ['issuer', iss],
    ['issuerKind', issuerKind(iss, claims)],
    ['cloud', iss ? cloudOf(iss) : 'unknown'],
    ['tenant', tenant],
    ['audience', audienceList(claims?.aud)],
    ['clientId', clientIdOf(claims)],
    ['version', tokenVersion(claims)],
    ['subject', claims ? (isAppOnly(claims) ? 'app-only' : 'delegated') : 'unknown'],
    ['scopes', scopesOf(claims)],
    ['roles', rolesOf(claims)],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as unknown as TokenFacts;
}

/** Time claims worth showing, in the order a reader checks them. */
export const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'auth_time'] as const;

export interface TimeClaim {
  name: string;
  epoch: number;
  iso?: string;
  relative: string;
}

export function timeClaims(claims: Record<string, unknown> | undefined, atMs: number, options: RelativeOptions = {}): TimeClaim[] {
  const out: TimeClaim[] = [];
  for (const name of TIME_CLAIMS) {
    const epoch = epochClaim(claims, name);
    if (epoch === undefined) continue;
    const iso = isoFromEpochSeconds(epoch);
    const relative = relativeTo(epoch, atMs, options);
    out.push(iso === undefined ? { name, epoch, relative } : { name, epoch, iso, relative });
  }
  return out;
}
