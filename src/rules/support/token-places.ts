/**
 * Where a token travelled, as rules need it: was it used as a credential or
 * handed out by an OAuth response, or only found as a JWT-looking string in
 * some text (a script, a JSON document) where it may mean nothing?
 */
import type { SessionToken } from '../../extract/index.js';

/** Field names that carry OAuth tokens (request bodies, URLs, token responses, form_post). */
export const OAUTH_FIELDS: ReadonlySet<string> = new Set([
  'access_token',
  'id_token',
  'id_token_hint',
  'refresh_token',
  'client_assertion',
  'assertion',
  'code',
  'token',
]);

/** Sent as a credential or issued in a named OAuth field: the token matters to the sign-in. */
export function isCredential(t: SessionToken): boolean {
  for (const u of t.uses) {
    if (u.where === 'authorization' || u.where === 'cookie') return true;
    if (u.field && OAUTH_FIELDS.has(u.field)) return true;
  }
  const f = t.issuedAt?.field;
  return !!f && OAUTH_FIELDS.has(f);
}

/** Sent in an Authorization header (Bearer / PoP). */
export function isBearer(t: SessionToken): boolean {
  return t.uses.some((u) => u.where === 'authorization');
}
