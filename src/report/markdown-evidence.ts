/**
 * A finding's evidence as key | value rows. Evidence is rule-specific JSON, so
 * values are rendered by shape: entry references as `#24`, epoch numbers under
 * time-like keys as ISO, lists joined, small objects flattened.
 */
import type { EntryRef } from '../model/entry.js';
import type { Finding } from '../model/finding.js';
import { compactIso, entryLabel, entryLabels, isoFromMs, isoFromSeconds } from './display.js';
import { mdCell, mdCode } from './markdown-escape.js';
import type { TextCleaner } from './safe-text.js';

const MAX_REFS = 20;
const MAX_LIST = 30;
const TIME_KEY = /(?:At|Time|time)$|^(?:exp|iat|nbf|auth_time)$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

export interface EvidenceContext {
  clean: TextCleaner;
  multiInput: boolean;
}

function isEntryRef(value: unknown): value is EntryRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const ref = value as Record<string, unknown>;
  return keys.length === 2 && typeof ref.input === 'number' && typeof ref.index === 'number';
}

function timeFromNumber(n: number): string | undefined {
  if (n > 1e11 && n < 1e14) return isoFromMs(n);
  if (n > 1e8 && n < 1e11) return isoFromSeconds(n);
  return undefined;
}

/** Plain (unescaped) text for one evidence value. */
function plainValue(key: string, value: unknown, ctx: EvidenceContext, depth: number): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return ISO_TIME.test(value) ? compactIso(value) : ctx.clean(value);
  if (typeof value === 'number') return (TIME_KEY.test(key) && timeFromNumber(value)) || String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (isEntryRef(value)) return entryLabel(value, ctx.multiInput, 'markdown');
  if (Array.isArray(value)) {
    if (value.length && value.every(isEntryRef)) return entryLabels(value, ctx.multiInput, 'markdown', MAX_REFS).join(', ');
    const items = value.slice(0, MAX_LIST).map((v) => plainValue(key, v, ctx, depth + 1));
    if (value.length > MAX_LIST) items.push(`+${value.length - MAX_LIST} more`);
    return items.length ? items.join(', ') : '—';
  }
  if (typeof value === 'object' && depth < 2) {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${plainValue(k, v, ctx, depth + 1)}`)
      .join('; ');
  }
  return ctx.clean(JSON.stringify(value) ?? String(value));
}

/** Rows for the finding's evidence table: where it happened first, then the rule's facts. */
export function evidenceRows(finding: Finding, ctx: EvidenceContext): string[][] {
  const rows: string[][] = [];
  if (finding.entries.length) {
    rows.push(['entries', mdCell(entryLabels(finding.entries, ctx.multiInput, 'markdown', MAX_REFS).join(', '))]);
  }
  if (finding.tokens.length) rows.push(['tokens', finding.tokens.map(mdCode).join(', ')]);
  if (finding.time) rows.push(['time', mdCell(compactIso(finding.time))]);
  if (finding.code) rows.push(['code', mdCode(ctx.clean(finding.code))]);
  for (const [key, value] of Object.entries(finding.evidence ?? {})) {
    rows.push([mdCell(ctx.clean(key)), mdCell(plainValue(key, value, ctx, 0))]);
  }
  return rows;
}
