import { hostMatches, hostNameOf } from './cloud.js';
import { isGuid } from './audience.js';

/** What kind of token service an `iss` value names. */
export type IssuerKind = 'v1' | 'v2' | 'b2c' | 'ciam' | 'adfs' | 'other';

// Hosts of the Entra STS per cloud ("login" for v2 and authorities, "sts" for v1 issuers).
const V1_ISSUER_HOSTS: ReadonlySet<string> = new Set(['sts.windows.net', 'sts.chinacloudapi.cn']);
const LOGIN_HOSTS: ReadonlySet<string> = new Set([
  'login.microsoftonline.com',
  'login.windows.net',
  'login.microsoft.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
  'login.microsoftonline.de',
]);

/** Hosts that can serve Entra (or Microsoft account, B2C, CIAM) authorize/token endpoints. */
export function isMicrosoftAuthority(urlOrHost: string): boolean {
  const host = hostNameOf(urlOrHost);
  if (!host) return false;
  if (LOGIN_HOSTS.has(host) || V1_ISSUER_HOSTS.has(host)) return true;
  if (host === 'login.live.com' || host === 'login.windows-ppe.net') return true;
  // Regional STS endpoints (ESTS-R), e.g. westus2.login.microsoft.com.
  if (hostMatches(host, 'login.microsoft.com') || hostMatches(host, 'login.microsoftonline.com')) return true;
  return hostMatches(host, 'b2clogin.com') || hostMatches(host, 'ciamlogin.com');
}

function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((s) => s.length > 0);
}

function parse(iss: string): URL | undefined {
  try {
    return new URL(iss.trim());
  } catch {
    return undefined;
  }
}

/** B2C puts the policy name in `tfp` (user flows) or `acr` (older tokens). Entra's own acr is "0"/"1". */
function hasB2cPolicyClaim(claims: Record<string, unknown> | undefined): boolean {
  if (!claims) return false;
  if (typeof claims.tfp === 'string' && claims.tfp.length > 0) return true;
  return typeof claims.acr === 'string' && /^b2c_1a?_/i.test(claims.acr);
}

/**
 * Classify an issuer. `claims` helps recognise B2C behind a custom domain, whose issuer
 * looks like any other URL but whose tokens carry the policy in `tfp`/`acr`.
 */
export function issuerKind(iss: unknown, claims?: Record<string, unknown>): IssuerKind {
  if (typeof iss !== 'string') return 'other';
  const url = parse(iss);
  if (!url) return 'other';
  const host = url.hostname.toLowerCase();
  const segments = pathSegments(url);
  const lowerSegments = segments.map((s) => s.toLowerCase());

  if (hostMatches(host, 'ciamlogin.com')) return 'ciam';
  if (hostMatches(host, 'b2clogin.com') || lowerSegments.includes('tfp')) return 'b2c';
  if (lowerSegments[0] === 'adfs') return 'adfs';
  if (V1_ISSUER_HOSTS.has(host) && segments.length === 1) return 'v1';
  if (LOGIN_HOSTS.has(host) && segments.length === 2 && lowerSegments[1] === 'v2.0') {
    // B2C once issued from login.microsoftonline.com with a trailing slash; Entra v2 never has one.
    if (url.pathname.endsWith('/') && hasB2cPolicyClaim(claims)) return 'b2c';
    return 'v2';
  }
  if (hasB2cPolicyClaim(claims) && lowerSegments.at(-1) === 'v2.0') return 'b2c';
  return 'other';
}

/** The tenant id (GUID, lower case) an Entra/B2C/CIAM issuer names, if any. */
export function tenantOfIssuer(iss: unknown): string | undefined {
  if (typeof iss !== 'string') return undefined;
  const url = parse(iss);
  if (!url) return undefined;
  const guid = pathSegments(url).find((segment) => isGuid(segment));
  if (guid) return guid.toLowerCase();
  // CIAM's issuer host is "{tenant id}.ciamlogin.com".
  const firstLabel = url.hostname.split('.', 1)[0] ?? '';
  return hostMatches(url.hostname.toLowerCase(), 'ciamlogin.com') && isGuid(firstLabel) ? firstLabel.toLowerCase() : undefined;
}
