/**
 * The token service's clock as its tokens show it. A token endpoint answers
 * `expires_in` relative to its own "now" and puts `exp` = now + expires_in in
 * the token, so exp − expires_in is the server's clock at issue time, to the
 * second; the response came back between the request's start and end on the
 * client clock. Without expires_in only `iat` is left, and Entra back-dates
 * iat by about five minutes, so iat can prove a clock ahead but never one
 * behind.
 */
import type { Entry, EntryRef } from '../../model/index.js';
import type { Session, SessionToken } from '../../extract/index.js';
import { entriesByRef, originOf, refKey } from '../../extract/index.js';
import { epochClaim, isMicrosoftAuthority } from '../../jwt/index.js';

export interface TokenClockSample {
  token: string;
  /** The entry that issued the token. */
  entry: EntryRef;
  origin: string;
  /** Server minus client, seconds: the bounds every reading allows. `high` is Infinity for iat readings. */
  lowSeconds: number;
  highSeconds: number;
  source: 'exp-expires_in' | 'iat';
}

/** expires_in and exp are whole seconds and services round differently; allow this much either way. */
const ROUNDING_SECONDS = 2;
/** Entra back-dates iat by five minutes; more than this between iat and issue time is not a back-dating. */
const MAX_BACKDATE_SECONDS = 900;

type EntryLookup = (ref: EntryRef) => Entry | undefined;

/**
 * Only a response from the token service itself says something about its
 * clock: a token endpoint answer or an authorize redirect from a Microsoft
 * authority host, not an app's own endpoint relaying a cached token.
 */
const tokenEndpointEntries = new WeakMap<Session, Set<string>>();

function issuedByTokenService(session: Session, entry: Entry): boolean {
  if (isMicrosoftAuthority(entry.request.url)) return true;
  let set = tokenEndpointEntries.get(session);
  if (!set) tokenEndpointEntries.set(session, (set = new Set(session.tokenRequests.map((r) => refKey(r.entry)))));
  return set.has(refKey(entry));
}

export function tokenClockSample(session: Session, t: SessionToken, lookup?: EntryLookup): TokenClockSample | undefined {
  const issue = t.issuedAt;
  if (!issue || t.format !== 'jws' || !t.claims) return undefined;
  const entry = lookup ? lookup(issue) : session.entries.find((e) => e.input === issue.input && e.index === issue.index);
  if (!entry || !issuedByTokenService(session, entry)) return undefined;
  const origin = originOf(entry.request.url);
  if (!origin) return undefined;
  const sentS = entry.startedAt / 1000;
  const receivedS = issue.receivedAt / 1000;
  const exp = epochClaim(t.claims, 'exp');
  const base = { token: t.id, entry: { input: issue.input, index: issue.index }, origin };
  const iat = epochClaim(t.claims, 'iat');
  const serverNow = exp !== undefined && issue.expiresIn !== undefined && issue.expiresIn > 0 ? exp - issue.expiresIn : undefined;
  // expires_in describes the response's access token; a reading that puts "now" before iat, or far
  // after it, means the two do not belong together (another token's lifetime, a cached response).
  const consistent = serverNow !== undefined && (iat === undefined || (serverNow - iat >= -ROUNDING_SECONDS && serverNow - iat <= MAX_BACKDATE_SECONDS));
  if (t.kind === 'access' && serverNow !== undefined && consistent) {
    return {
      ...base,
      lowSeconds: serverNow - receivedS - ROUNDING_SECONDS,
      highSeconds: serverNow + 1 - sentS + ROUNDING_SECONDS,
      source: 'exp-expires_in',
    };
  }
  if (iat === undefined) return undefined;
  return { ...base, lowSeconds: iat - receivedS - ROUNDING_SECONDS, highSeconds: Infinity, source: 'iat' };
}

export function tokenClockSamples(session: Session): TokenClockSample[] {
  const byRef = entriesByRef(session);
  const lookup: EntryLookup = (ref) => byRef.get(ref);
  const out: TokenClockSample[] = [];
  for (const t of session.tokens) {
    const s = tokenClockSample(session, t, lookup);
    if (s) out.push(s);
  }
  return out;
}

/** Bound nearest zero of one token reading (0 when it allows a correct clock). */
export function nearestTokenBound(s: TokenClockSample): number {
  if (s.lowSeconds > 0) return s.lowSeconds;
  if (s.highSeconds < 0) return s.highSeconds;
  return 0;
}
