/**
 * Linking an ID token or an authorization response back to the authorize
 * request that started it: by `state` through the authorization response
 * (and through the code redeemed at the token endpoint).
 */
import type { AuthorizeRequest, AuthorizeResponse, Session, SessionToken } from '../../extract/index.js';
import { sameRef } from './evidence.js';

/** Redirect URIs compared the way providers do: scheme and host case-insensitive, no trailing slash, no query. */
export function normalizeRedirect(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    const u = new URL(uri);
    return `${u.protocol}//${u.host}`.toLowerCase() + u.pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** The authorization response that delivered this ID token, directly or through the code redeemed for it. */
export function responseFor(session: Session, t: SessionToken): AuthorizeResponse | undefined {
  const direct = session.authorizeResponses.find((r) => r.idToken === t.id && r.state !== undefined);
  if (direct) return direct;
  const issue = t.issuedAt;
  if (!issue) return undefined;
  const req = session.tokenRequests.find((r) => sameRef(r.entry, issue) && r.grantType === 'authorization_code');
  if (!req) return undefined;
  return session.authorizeResponses.find((r) => r.code !== undefined && req.sentTokens.includes(r.code) && r.state !== undefined);
}

/** The authorize request a response answers: same state, sent before it (the latest such). */
export function requestForState(session: Session, state: string, before: number, clientId?: string): AuthorizeRequest | undefined {
  const candidates = session.authorizeRequests.filter((a) => a.state === state && a.sentAt <= before && (!clientId || !a.clientId || a.clientId === clientId));
  return candidates.sort((a, b) => a.sentAt - b.sentAt).at(-1);
}

/** Was this ID token delivered by an authorization response or an authorization_code redemption (not a refresh)? */
export function fromSignIn(t: SessionToken): boolean {
  const issue = t.issuedAt;
  if (!issue) return false;
  if (issue.where === 'fragment' || issue.where === 'query' || issue.where === 'form_post') return true;
  return issue.grantType === 'authorization_code';
}
