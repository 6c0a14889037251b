import type { ClockSample, OriginClock } from '../session.js';

/**
 * The values in ascending order. A typed array sorts numbers without calling a
 * comparator per step; a NaN (a hostile trace's times) keeps the comparator sort,
 * whose order with NaN is its own.
 */
function sortedValues(list: readonly ClockSample[], value: (s: ClockSample) => number): ArrayLike<number> {
  const typed = new Float64Array(list.length);
  let nan = false;
  for (let i = 0; i < list.length; i++) {
    const v = value(list[i]!);
    typed[i] = v;
    if (Number.isNaN(v)) nan = true;
  }
  if (!nan) return typed.sort();
  return Array.from(typed).sort((a, b) => a - b);
}

function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i]!;
}

/**
 * Per-origin clock offset (server minus client, seconds).
 *
 * A Date header D (truncated to the second) was generated somewhere between
 * the request's start s and the response's end r on the client clock, so the
 * offset lies in [D - r, D + 1000 - s]. Intersecting those intervals over many
 * entries gives tight bounds even with 1 s resolution and slow responses. A
 * few outliers (a proxy's stale date) are tolerated by intersecting the inner
 * quantiles rather than the extremes once there are enough samples.
 */
export function estimateOriginClocks(samples: readonly ClockSample[]): OriginClock[] {
  const byOrigin = new Map<string, ClockSample[]>();
  for (const s of samples) {
    if (!s.origin) continue;
    let list = byOrigin.get(s.origin);
    if (!list) byOrigin.set(s.origin, (list = []));
    list.push(s);
  }
  const out: OriginClock[] = [];
  for (const [origin, list] of byOrigin) {
    const lows = sortedValues(list, (s) => s.serverMs - s.receivedAt);
    const highs = sortedValues(list, (s) => s.serverMs + 1000 - s.sentAt);
    const mids = sortedValues(list, (s) => s.serverMs + 500 - (s.sentAt + s.receivedAt) / 2);
    const trim = list.length >= 5 ? 0.2 : 0;
    let lo = quantile(lows, 1 - trim);
    let hi = quantile(highs, trim);
    if (lo > hi) {
      // Inconsistent samples: fall back to the median's neighbourhood.
      lo = quantile(lows, 0.5);
      hi = quantile(highs, 0.5);
      if (lo > hi) [lo, hi] = [hi, lo];
    }
    const median = quantile(mids, 0.5);
    const best = Math.min(Math.max(median, lo), hi);
    out.push({
      origin,
      samples: list.length,
      skewSeconds: Math.round(best / 100) / 10,
      lowSeconds: Math.round(lo / 100) / 10,
      highSeconds: Math.round(hi / 100) / 10,
      entries: list.slice(0, 50).map((s) => s.entry),
    });
  }
  return out.sort((a, b) => a.origin.localeCompare(b.origin));
}
