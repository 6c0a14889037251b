/**
 * Origins whose clock is clearly off, from two independent readings: the
 * Date headers they send (session.originClocks) and the times in tokens they
 * issue (exp − expires_in, or an iat in the future). Also which origins take
 * part in authentication, since a stale Date from a font CDN matters less
 * than the token service's or the API's clock.
 */
import type { EntryRef } from '../../model/index.js';
import type { OriginClock, Session } from '../../extract/index.js';
import { entriesByRef, originOf } from '../../extract/index.js';
import { isMicrosoftAuthority } from '../../jwt/index.js';
import { credentialUses } from './credential-uses.js';
import { nearestTokenBound, tokenClockSamples, type TokenClockSample } from './issuer-clock.js';
import { isClearlySkewed, nearestBound, SINGLE_SAMPLE_FACTOR } from './server-clock.js';

export interface ClockCandidate {
  origin: string;
  skewSeconds: number;
  lowSeconds: number;
  highSeconds: number;
  /** The bound nearest zero: every reading agrees the clock is at least this far off. */
  boundSeconds: number;
  dateClock?: OriginClock;
  tokenReadings: TokenClockSample[];
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Token readings of one origin combined: the intersection of their intervals, or undefined when they disagree. */
function combine(readings: TokenClockSample[]): { low: number; high: number } | undefined {
  const low = Math.max(...readings.map((r) => r.lowSeconds));
  const high = Math.min(...readings.map((r) => r.highSeconds));
  return low <= high ? { low, high } : undefined;
}

export function clockCandidates(session: Session, thresholdSeconds: number): ClockCandidate[] {
  const byOrigin = new Map<string, ClockCandidate>();
  for (const c of session.originClocks) {
    if (!isClearlySkewed(c, thresholdSeconds)) continue;
    byOrigin.set(c.origin, {
      origin: c.origin,
      skewSeconds: c.skewSeconds,
      lowSeconds: c.lowSeconds,
      highSeconds: c.highSeconds,
      boundSeconds: nearestBound(c),
      dateClock: c,
      tokenReadings: [],
    });
  }
  const readings = new Map<string, TokenClockSample[]>();
  for (const r of tokenClockSamples(session)) {
    let list = readings.get(r.origin);
    if (!list) readings.set(r.origin, (list = []));
    list.push(r);
  }
  for (const [origin, list] of readings) {
    const known = byOrigin.get(origin);
    if (known) {
      known.tokenReadings = list.filter((r) => Math.abs(nearestTokenBound(r)) > thresholdSeconds);
      continue;
    }
    // Without Date headers the token times alone decide, with the same sample rule as Date headers.
    if (session.originClocks.some((c) => c.origin === origin && c.samples >= 2)) continue;
    const both = combine(list);
    if (!both) continue;
    const bound = both.low > 0 ? both.low : both.high < 0 ? both.high : 0;
    const needed = list.length >= 2 ? thresholdSeconds : thresholdSeconds * SINGLE_SAMPLE_FACTOR;
    if (Math.abs(bound) <= needed) continue;
    const skew = Number.isFinite(both.high) ? (both.low + both.high) / 2 : both.low;
    byOrigin.set(origin, {
      origin,
      skewSeconds: round1(skew),
      lowSeconds: round1(both.low),
      highSeconds: Number.isFinite(both.high) ? round1(both.high) : Infinity,
      boundSeconds: round1(bound),
      tokenReadings: list,
    });
  }
  return [...byOrigin.values()].sort((a, b) => a.origin.localeCompare(b.origin));
}

/** Origins with at least two Date samples that agree the clock is within the threshold. */
export function inSyncOrigins(session: Session, thresholdSeconds: number): string[] {
  return session.originClocks.filter((c) => c.samples >= 2 && Math.abs(nearestBound(c)) <= thresholdSeconds && c.highSeconds - c.lowSeconds <= 2 * thresholdSeconds).map((c) => c.origin);
}

/** Origins that take part in authentication: token services, key and metadata endpoints, APIs that received tokens. */
export function authOrigins(session: Session): Set<string> {
  const entries = entriesByRef(session);
  const out = new Set<string>();
  const add = (ref: EntryRef | 'cli') => {
    if (ref === 'cli') return;
    const o = originOf(entries.get(ref)?.request.url ?? '');
    if (o) out.add(o);
  };
  for (const r of session.tokenRequests) add(r.entry);
  for (const r of session.authorizeRequests) add(r.entry);
  for (const j of session.jwks) add(j.entry);
  for (const m of session.oidcMetadata) add(m.entry);
  for (const f of session.metadataFetches) add(f.entry);
  for (const t of session.tokens) {
    if (t.issuedAt) add(t.issuedAt);
    for (const u of credentialUses(t)) add(u);
  }
  for (const c of session.originClocks) if (isMicrosoftAuthority(c.origin)) out.add(c.origin);
  return out;
}
