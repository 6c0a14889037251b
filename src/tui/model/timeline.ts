/**
 * The timeline model: entries sorted once, each linked to the tokens and
 * findings of the report that name it. Built once when analysis ends; all
 * later work (filtering, rendering) reads it without re-sorting.
 */
import type { Entry, EntryRef, Finding, Report, ReportToken, ReportTokenUse } from '../../model/index.js';
import type { TuiData } from '../types.js';

export interface TokenSend {
  token: ReportToken;
  use: ReportTokenUse;
}

/** What the report says about one entry. */
export interface EntryAuth {
  issued: ReportToken[];
  sent: TokenSend[];
  findings: Finding[];
}

export interface TimelineRow {
  entry: Entry;
  key: string;
  auth?: EntryAuth;
}

export interface TimelineModel {
  rows: TimelineRow[];
  /** Start of the first entry: the zero of the "time" column. */
  startMs: number;
  /** End of the last entry (start + duration), for lifetime bars. */
  endMs: number;
  multiInput: boolean;
  rowByKey: Map<string, number>;
  tokensById: Map<string, ReportToken>;
  report: Report;
}

export function refKey(ref: EntryRef): string {
  return `${ref.input}:${ref.index}`;
}

function authFor(map: Map<string, EntryAuth>, ref: EntryRef): EntryAuth {
  const key = refKey(ref);
  let auth = map.get(key);
  if (!auth) {
    auth = { issued: [], sent: [], findings: [] };
    map.set(key, auth);
  }
  return auth;
}

function indexReport(report: Report): Map<string, EntryAuth> {
  const map = new Map<string, EntryAuth>();
  for (const token of report.tokens) {
    if (token.issuedAt) authFor(map, token.issuedAt).issued.push(token);
    for (const use of token.uses) authFor(map, use).sent.push({ token, use });
  }
  for (const finding of report.findings) {
    const seen = new Set<string>();
    for (const ref of finding.entries) {
      const key = refKey(ref);
      if (seen.has(key)) continue;
      seen.add(key);
      authFor(map, ref).findings.push(finding);
    }
  }
  return map;
}

/** Timeline order: start time, ties by input then file index (mitmproxy writes in completion order). */
export function compareEntries(a: Entry, b: Entry): number {
  return a.startedAt - b.startedAt || a.input - b.input || a.index - b.index;
}

export function buildTimeline(data: TuiData): TimelineModel {
  const sorted = [...data.entries].sort(compareEntries);
  const authByKey = indexReport(data.report);
  const rows: TimelineRow[] = new Array(sorted.length);
  const rowByKey = new Map<string, number>();
  let endMs = -Infinity;
  const inputs = new Set<number>();
  for (let i = 0; i < sorted.length; i++) {
    const entry = sorted[i]!;
    const key = refKey(entry);
    const auth = authByKey.get(key);
    rows[i] = auth ? { entry, key, auth } : { entry, key };
    rowByKey.set(key, i);
    inputs.add(entry.input);
    const end = entry.startedAt + Math.max(0, entry.durationMs);
    if (end > endMs) endMs = end;
  }
  const startMs = sorted.length > 0 ? sorted[0]!.startedAt : 0;
  return {
    rows,
    startMs,
    endMs: Number.isFinite(endMs) ? endMs : startMs,
    multiInput: inputs.size > 1,
    rowByKey,
    tokensById: new Map(data.report.tokens.map((t) => [t.id, t])),
    report: data.report,
  };
}

/** Tokens of one entry: issued there or sent there, each once, issued first. */
export function tokensOfEntry(auth: EntryAuth | undefined): ReportToken[] {
  if (!auth) return [];
  const out: ReportToken[] = [];
  const seen = new Set<string>();
  for (const t of [...auth.issued, ...auth.sent.map((s) => s.token)]) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    out.push(t);
  }
  return out;
}
