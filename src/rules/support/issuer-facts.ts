/**
 * What servers say about issuers, and how two issuers differ (v1 vs v2
 * endpoint, tenant, B2C/CIAM form), in words a reader can act on.
 *
 * Statements read here:
 *  IDX10205  "Issuer: 'x'. Did not match: validationParameters.ValidIssuer: 'y' or … ValidIssuers: 'z'
 *            [or …CurrentConfiguration.Issuer: 'w']."
 *  IDX10204  no ValidIssuer(s) configured
 *  JwtBearer "The issuer 'x' is invalid"
 *  Azure RM  "The access token is from the wrong issuer 'x'. It must match the tenant 'y' associated with
 *            this subscription." (InvalidAuthenticationTokenTenant)
 */
import { isGuid, issuerKind, tenantOfIssuer, type IssuerKind } from '../../jwt/index.js';
import type { ServerVerdict } from './server-verdict.js';

export interface IssuerStatement {
  issuer?: string;
  valid: string[];
  code?: string;
  /** IDX10204: the API has no issuer to compare with. */
  notConfigured?: boolean;
}

const ISSUER_CODES = new Set(['IDX10205', 'IDX10204', 'IDX10211']);

export function issuerStatement(v: ServerVerdict): IssuerStatement | undefined {
  const occ = v.codes.find((c) => ISSUER_CODES.has(c.code));
  const out: IssuerStatement = { valid: [] };
  if (occ) {
    out.code = occ.code;
    if (occ.details.issuer) out.issuer = occ.details.issuer;
    out.valid.push(...(occ.details.validIssuers ?? []));
    if (occ.code === 'IDX10204') out.notConfigured = true;
  }
  for (const text of v.texts) {
    const invalid = /\bissuer '([^']+)' is invalid/i.exec(text) ?? /\bwrong issuer '([^']+)'/i.exec(text);
    if (invalid && !out.issuer) out.issuer = invalid[1]!;
    const tenant = /must match the tenant '([^']+)'/i.exec(text);
    if (tenant) out.valid.push(tenant[1]!);
  }
  if (!occ && !out.issuer && out.valid.length === 0 && !v.reasons.has('issuer')) return undefined;
  out.valid = [...new Set(out.valid)];
  return out;
}

/** Issuers compared the way validators do, minus case and a trailing slash. */
export function sameIssuer(a: string, b: string): boolean {
  const n = (s: string) => s.trim().toLowerCase().replace(/\/+$/, '');
  return n(a) === n(b);
}

export interface IssuerGap {
  kind: 'version' | 'tenant' | 'b2c-form' | 'ciam-form' | 'other';
  text: string;
}

const KIND_NAMES: Record<IssuerKind, string> = {
  v1: 'v1.0 (sts.windows.net/{tenant}/)',
  v2: 'v2.0 (login.microsoftonline.com/{tenant}/v2.0)',
  b2c: 'Azure AD B2C',
  ciam: 'External ID (ciamlogin.com)',
  adfs: 'AD FS',
  other: 'another issuer',
};

/** How the token's issuer differs from what the API expects. */
export function issuerGap(iss: string, expected: string[], claims?: Record<string, unknown>): IssuerGap {
  const kind = issuerKind(iss, claims);
  const tenant = tenantOfIssuer(iss);
  const kinds = new Set(expected.map((e) => issuerKind(e)));
  const tenants = new Set(expected.map((e) => tenantOfIssuer(e)).filter((t): t is string => !!t));
  if (tenant && tenants.size > 0 && !tenants.has(tenant)) {
    return { kind: 'tenant', text: `the token comes from tenant ${tenant}, the API accepts tenant ${[...tenants].join(', ')}` };
  }
  if ((kind === 'v1' || kind === 'v2') && !kinds.has(kind) && (kinds.has('v1') || kinds.has('v2'))) {
    return { kind: 'version', text: `the token is a ${KIND_NAMES[kind]} token, the API expects ${[...kinds].map((k) => KIND_NAMES[k]).join(' or ')} tokens` };
  }
  if (kind === 'b2c' || kinds.has('b2c')) return { kind: 'b2c-form', text: 'the B2C issuer forms differ (tenant name vs custom domain vs tfp path, or another policy)' };
  if (kind === 'ciam' || kinds.has('ciam')) return { kind: 'ciam-form', text: 'the External ID (ciamlogin.com) issuer forms differ (tenant id vs tenant name host)' };
  return { kind: 'other', text: expected.length ? `the API expects ${expected.join(', ')}` : 'the API did not say which issuer it expects' };
}

export function adviceFor(gap: IssuerGap | undefined, notConfigured: boolean): string {
  if (notConfigured) return 'The API has no issuer to compare with (IDX10204): set ValidIssuer(s) in TokenValidationParameters, or an Authority/MetadataAddress whose openid-configuration supplies the issuer.';
  switch (gap?.kind) {
    case 'version':
      return 'Entra issues v1.0 tokens (sts.windows.net) for an API unless its app registration manifest sets "accessTokenAcceptedVersion": 2, whatever endpoint the client used. Either set it to the version the API validates, or add both issuers (https://sts.windows.net/{tid}/ and https://login.microsoftonline.com/{tid}/v2.0) to ValidIssuers.';
    case 'tenant':
      return 'The user or app signed in to another tenant: use the authority of the API\'s tenant (https://login.microsoftonline.com/{tenant id}) instead of /common or /organizations, or, for a multi-tenant API, validate the issuer with the {tenantid} template and an allow-list of tenants.';
    case 'b2c-form':
    case 'ciam-form':
      return 'Configure the API with the same authority form the client signs in with (tenant-name host, custom domain or tenant-id host, with the same policy), or list every issuer form in ValidIssuers; compare with the issuer in the openid-configuration of that authority.';
    default:
      return 'Compare the token\'s iss with the API\'s ValidIssuer(s) / authority configuration, and request the token from the authority the API trusts.';
  }
}

export function tenantOfToken(claims: Record<string, unknown>): string | undefined {
  const tid = claims.tid;
  if (typeof tid === 'string' && isGuid(tid)) return tid.toLowerCase();
  return tenantOfIssuer(claims.iss);
}

/** The Microsoft account (consumer) tenant: personal accounts sign in here. */
export const MSA_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
