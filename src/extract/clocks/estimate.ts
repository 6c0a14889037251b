import type { EntryRef, RunWarning } from '../../model/index.js';
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

/** Bounds [lo, hi] (ms) on one origin's offset that its samples agree with, and a best estimate inside them. */
function bounds(list: readonly ClockSample[]): { lo: number; hi: number; best: number } {
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
  return { lo, hi, best: Math.min(Math.max(median, lo), hi) };
}

const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/**
 * An origin seen in several inputs: each input's samples are read against the clock of
 * the machine that recorded it. When those readings cannot all be true at once, the
 * inputs were recorded on machines whose clocks differ, and one estimate over all of
 * them would describe no real clock: the disagreement is reported instead (undefined
 * when the inputs agree, or when there is only one).
 */
function inputsDisagree(origin: string, list: readonly ClockSample[]): RunWarning | undefined {
  const byInput = new Map<number, ClockSample[]>();
  for (const s of list) {
    let l = byInput.get(s.entry.input);
    if (!l) byInput.set(s.entry.input, (l = []));
    l.push(s);
  }
  if (byInput.size < 2) return undefined;
  const per = [...byInput].sort((a, b) => a[0] - b[0]).map(([input, l]) => ({ input, l, ...bounds(l) }));
  if (Math.max(...per.map((p) => p.lo)) <= Math.min(...per.map((p) => p.hi))) return undefined;
  // Whole seconds: the readings carry a second of noise (Date headers have 1 s resolution).
  const readings = per.map((p) => {
    const s = Math.round(p.best / 1000);
    return `input ${p.input + 1}: ${s > 0 ? '+' : ''}${s} s (${p.l.length} response${p.l.length === 1 ? '' : 's'})`;
  });
  const entries: EntryRef[] = per.flatMap((p) => p.l.slice(0, 5).map((s) => s.entry));
  return {
    code: 'clock-inputs-disagree',
    message: `Date headers of ${origin} put its clock at different offsets from the client clock in different inputs (${readings.join(', ')}): the inputs were probably recorded on machines whose clocks differ, so this origin's clock is not judged`,
    entries,
  };
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
 *
 * Samples from several inputs are taken together only when they agree (see
 * inputsDisagree); otherwise the origin gets no estimate and `warnings` says why.
 */
export function estimateOriginClocks(samples: readonly ClockSample[], warnings?: RunWarning[]): OriginClock[] {
  const byOrigin = new Map<string, ClockSample[]>();
  for (const s of samples) {
    if (!s.origin) continue;
    let list = byOrigin.get(s.origin);
    if (!list) byOrigin.set(s.origin, (list = []));
    list.push(s);
  }
  const out: OriginClock[] = [];
  for (const [origin, list] of byOrigin) {
    const disagreement = inputsDisagree(origin, list);
    if (disagreement) {
      warnings?.push(disagreement);
      continue;
    }
    const { lo, hi, best } = bounds(list);
    out.push({
      origin,
      samples: list.length,
      skewSeconds: seconds(best),
      lowSeconds: seconds(lo),
      highSeconds: seconds(hi),
      entries: list.slice(0, 50).map((s) => s.entry),
    });
  }
  return out.sort((a, b) => a.origin.localeCompare(b.origin));
}
