/**
 * Small presentation helpers shared by the text and Markdown formatters:
 * how entries, times, issuers and counts read for a person.
 */
import type { EntryRef } from '../model/entry.js';
import type { Severity } from '../model/finding.js';

export type RefStyle = 'text' | 'markdown';

/**
 * `#24` for a single input; with several inputs the input is named by its
 * 1-based position in the inputs list (`1:#24` in text, `input 1 #24` in Markdown).
 */
export function entryLabel(ref: EntryRef, multiInput: boolean, style: RefStyle): string {
  if (!multiInput) return `#${ref.index}`;
  return style === 'text' ? `${ref.input + 1}:#${ref.index}` : `input ${ref.input + 1} #${ref.index}`;
}

/** At most `max` labels, then "+N more", so a loop of 500 requests stays one line. */
export function entryLabels(refs: readonly EntryRef[], multiInput: boolean, style: RefStyle, max: number): string[] {
  const labels = refs.slice(0, max).map((r) => entryLabel(r, multiInput, style));
  if (refs.length > max) labels.push(`+${refs.length - max} more`);
  return labels;
}

/** ISO 8601 UTC without a `.000` millisecond part when it is zero. */
export function isoFromMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(ms);
  return date.toISOString().replace('.000Z', 'Z');
}

/** JWT NumericDate (epoch seconds) as ISO. */
export function isoFromSeconds(seconds: number): string {
  return isoFromMs(seconds * 1000);
}

/** Compact ISO for display: drops a zero millisecond part. */
export function compactIso(iso: string): string {
  return iso.replace(/\.000Z$/, 'Z');
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "2 errors, 1 warning, 3 info" — zero counts left out; "no findings" when all are zero. */
export function verdict(counts: Record<Severity, number>): string {
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(`${counts.info} info`);
  return parts.length ? parts.join(', ') : 'no findings';
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * `https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0`
 * reads as `login.microsoftonline.com/72f988bf…/v2.0`: the host and version are
 * what tells issuers apart at a glance; the tenant's first 8 digits suffice.
 */
export function shortenIssuer(iss: string): string {
  return iss.replace(/^https?:\/\//i, '').replace(GUID, (g) => `${g.slice(0, 8)}…`);
}

/** "850ms", "3m 12s", "2h 05m", "117d 12h" (HARs merged from several days exist). */
export function humanDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h >= 48) return `${Math.floor(h / 24)}d ${String(h % 24).padStart(2, '0')}h`;
  if (h) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** Statuses in numeric order, `0` spelled out and last (it is the odd one). */
export function statusLabels(statuses: Record<string, number>): string[] {
  const rank = (status: string) => (status === '0' ? 1000 : Number(status));
  return Object.entries(statuses)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([status, count]) => `${status === '0' ? 'no response' : status} ×${count}`);
}
