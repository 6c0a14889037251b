import { SEVERITY_ORDER, type Finding, type FindingDraft } from '../model/index.js';

function firstEntryKey(f: FindingDraft): [number, number] {
  let best: [number, number] = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  for (const e of f.entries) if (e.input < best[0] || (e.input === best[0] && e.index < best[1])) best = [e.input, e.index];
  return best;
}

/**
 * Orders findings (severity, then time, then first entry, then rule id) and
 * numbers them F1, F2... The order is deterministic so reports diff cleanly.
 */
export function orderAndNumber(drafts: readonly FindingDraft[]): Finding[] {
  const sorted = [...drafts].sort((a, b) => {
    const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (s !== 0) return s;
    const ta = a.time ?? Number.MAX_SAFE_INTEGER;
    const tb = b.time ?? Number.MAX_SAFE_INTEGER;
    if (ta !== tb) return ta - tb;
    const [ia, xa] = firstEntryKey(a);
    const [ib, xb] = firstEntryKey(b);
    if (ia !== ib) return ia - ib;
    if (xa !== xb) return xa - xb;
    return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
  });
  return sorted.map((d, i) => {
    const { time, ...rest } = d;
    const f: Finding = { id: `F${i + 1}`, ...rest };
    if (time !== undefined && Number.isFinite(time)) f.time = new Date(time).toISOString();
    return f;
  });
}
