/**
 * Server clocks as the Date headers show them (session.originClocks), and
 * the rule for calling one "clearly off": the bound nearest zero (every
 * sample agrees the offset is at least that) exceeds the threshold, with at
 * least two samples, or one sample ten times past it.
 */
import type { OriginClock, Session } from '../../extract/index.js';
import { originOf } from '../../extract/index.js';

/** A single Date header can be stale or a proxy's; one sample counts only when the gap is this many thresholds wide. */
export const SINGLE_SAMPLE_FACTOR = 10;

export function clockOf(session: Session, origin: string): OriginClock | undefined {
  return session.originClocks.find((c) => c.origin === origin);
}

/** Seconds: the offset every sample agrees with that is closest to zero (0 when the bounds straddle zero). */
export function nearestBound(c: OriginClock): number {
  if (c.lowSeconds > 0) return c.lowSeconds;
  if (c.highSeconds < 0) return c.highSeconds;
  return 0;
}

export function isClearlySkewed(c: OriginClock, thresholdSeconds: number): boolean {
  const needed = c.samples >= 2 ? thresholdSeconds : thresholdSeconds * SINGLE_SAMPLE_FACTOR;
  return Math.abs(nearestBound(c)) > needed;
}

/**
 * The offset (server minus client, seconds) to apply when judging a time
 * claim at this server: its estimate when its clock is clearly off, else 0
 * (small differences are within the Date header's resolution and noise).
 */
export function serverOffsetSeconds(session: Session, urlOrOrigin: string, thresholdSeconds: number): number {
  // Asked for every use of every token: remembered per session, threshold and URL.
  let byUrl = offsetCache.get(session);
  if (!byUrl || byUrl.threshold !== thresholdSeconds || byUrl.clocks !== session.originClocks) {
    byUrl = { threshold: thresholdSeconds, clocks: session.originClocks, offsets: new Map() };
    offsetCache.set(session, byUrl);
  }
  let offset = byUrl.offsets.get(urlOrOrigin);
  if (offset === undefined) {
    const origin = originOf(urlOrOrigin) || urlOrOrigin;
    const c = clockOf(session, origin);
    offset = c && isClearlySkewed(c, thresholdSeconds) ? c.skewSeconds : 0;
    byUrl.offsets.set(urlOrOrigin, offset);
  }
  return offset;
}

const offsetCache = new WeakMap<Session, { threshold: number; clocks: readonly OriginClock[]; offsets: Map<string, number> }>();

export function direction(skewSeconds: number): 'server ahead' | 'server behind' {
  return skewSeconds >= 0 ? 'server ahead' : 'server behind';
}
