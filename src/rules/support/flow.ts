/** Linking errors to the sign-in flow around them (authorize request, token request). */
import type { EntryRef } from '../../model/index.js';
import type { AuthorizeRequest, ErrorOccurrence, Session, TokenRequest } from '../../extract/index.js';
import { sameRef } from './evidence.js';

export function tokenRequestAt(session: Session, ref: EntryRef): TokenRequest | undefined {
  return session.tokenRequests.find((r) => sameRef(r.entry, ref));
}

/**
 * The authorize request an authorization response answers: same state when
 * both have one, else the latest authorize request before it (within 30 min).
 */
export function authorizeRequestFor(session: Session, occ: { entry: EntryRef; time: number; state?: string }): AuthorizeRequest | undefined {
  const before = session.authorizeRequests.filter((a) => a.sentAt <= occ.time && occ.time - a.sentAt < 30 * 60_000);
  if (occ.state !== undefined) {
    const byState = before.filter((a) => a.state === occ.state);
    if (byState.length) return byState[byState.length - 1];
  }
  return before[before.length - 1];
}

/** The state parameter of the authorization response an error came back in, if any. */
export function stateOf(session: Session, occ: ErrorOccurrence): string | undefined {
  return session.authorizeResponses.find((r) => sameRef(r.entry, occ.entry) && r.error)?.state;
}

/**
 * Did the flow recover later? A successful token response (or an
 * authorization response with a code/token) for the same client after `time`.
 */
export function flowSucceededAfter(session: Session, time: number, clientId: string | undefined): boolean {
  const ok = session.tokenRequests.some(
    (r) => r.sentAt > time && r.status >= 200 && r.status < 300 && r.issuedTokens.length > 0 && (!clientId || !r.clientId || r.clientId === clientId),
  );
  if (ok) return true;
  return session.authorizeResponses.some((r) => {
    const e = session.entries.find((x) => sameRef(x, r.entry));
    return !!e && e.startedAt > time && !r.error && (r.code !== undefined || r.idToken !== undefined || r.accessToken !== undefined);
  });
}
