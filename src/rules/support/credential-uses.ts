/**
 * Which appearances of a token are uses *as a credential*: the ones a
 * server validates and can refuse. An Authorization header, and the few
 * request fields that carry a token to be checked (WOPI/SignalR-style
 * `access_token`, the OBO `assertion`, a `client_assertion`). Tokens echoed
 * in a Referer, a cookie, or an `id_token_hint` are not judged here.
 */
import type { TokenUse } from '../../model/index.js';
import type { SessionToken } from '../../extract/index.js';
import { isMicrosoftIssued } from '../../jwt/index.js';

const CREDENTIAL_FIELDS = new Set(['access_token', 'assertion', 'client_assertion']);

export function isCredentialUse(u: TokenUse): boolean {
  if (u.where === 'authorization') return true;
  if (u.where !== 'query' && u.where !== 'body') return false;
  return !!u.field && CREDENTIAL_FIELDS.has(u.field.toLowerCase());
}

export function credentialUses(t: SessionToken): TokenUse[] {
  return t.uses.filter(isCredentialUse);
}

/** A decoded JWS with claims: the only kind whose claims the time and identity rules can judge. */
export function hasClaims(t: SessionToken): t is SessionToken & { claims: Record<string, unknown> } {
  return t.format === 'jws' && !!t.claims;
}

/**
 * Tokens from Entra ID, B2C, CIAM or Microsoft accounts. Other JWTs (SharePoint
 * WOPI tokens, third-party IdPs) are judged only where a server refused them,
 * so a trace full of foreign tokens does not fill the report with guesses.
 */
export function isMicrosoftToken(t: SessionToken): boolean {
  return isMicrosoftIssued(t.claims);
}
