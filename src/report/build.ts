/**
 * Builds the Report (the JSON contract) from a finished analysis. This is
 * where secrets are kept out: tokens become fingerprints plus decoded
 * header/claims; every free-text field and evidence string is redacted
 * unless the user asked for --show-secrets.
 */
import type {
  AnalysisSettings,
  Finding,
  Report,
  ReportInput,
  ReportToken,
  RunWarning,
  TraceInfo,
} from '../model/index.js';
import { SCHEMA_VERSION } from '../model/index.js';
import type { Session, SessionToken } from '../extract/index.js';
import { cloudOf, issuerKind } from '../jwt/index.js';
import type { EntryStatsResult } from './entry-stats.js';
import { redactText } from './redact.js';

export interface BuildReportInput {
  session: Session;
  findings: Finding[];
  settings: AnalysisSettings;
  inputs: TraceInfo[];
  stats: EntryStatsResult;
  warnings: RunWarning[];
  toolVersion: string;
  /** Epoch ms; injected so reports are reproducible in tests. */
  generatedAt: number;
}

/** ECMAScript's Date range: ±8.64e15 ms around the epoch. */
const MAX_DATE_MS = 8.64e15;

/**
 * Trace times can be absurd (a HAR `time` of 1e308, a year 275760 start): they are
 * clamped into the Date range so the report is still written, and the oddity shows.
 */
const iso = (ms: number): string => new Date(Number.isNaN(ms) ? 0 : Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, ms))).toISOString();

/** Deep-copy JSON values, redacting every string. */
function redactDeep(value: unknown, depth = 0): unknown {
  if (depth > 12) return '[nested too deeply]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, depth + 1);
    return out;
  }
  return value;
}

function claimStr(t: SessionToken, k: string): string | undefined {
  const v = t.claims?.[k];
  return typeof v === 'string' ? v : undefined;
}

function claimNum(t: SessionToken, k: string): number | undefined {
  const v = t.claims?.[k];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function reportToken(t: SessionToken, showSecrets: boolean): ReportToken {
  const r: ReportToken = { id: t.id, kind: t.kind, format: t.format, uses: [], signature: t.signature };
  const h = t.header ?? {};
  if (typeof h.alg === 'string') r.alg = h.alg;
  if (typeof h.kid === 'string') r.kid = h.kid;
  if (typeof h.typ === 'string') r.typ = h.typ;
  const iss = claimStr(t, 'iss');
  if (iss) {
    r.iss = iss;
    r.issuerKind = issuerKind(iss);
    r.cloud = cloudOf(iss);
  }
  const aud = t.claims?.aud;
  if (typeof aud === 'string' || (Array.isArray(aud) && aud.every((a) => typeof a === 'string'))) r.aud = aud as string | string[];
  for (const k of ['tid', 'appid', 'azp', 'idtyp', 'ver', 'scp'] as const) {
    const v = claimStr(t, k);
    if (v !== undefined) r[k] = v;
  }
  const roles = t.claims?.roles;
  if (Array.isArray(roles)) r.roles = roles.filter((x): x is string => typeof x === 'string');
  for (const k of ['iat', 'nbf', 'exp'] as const) {
    const v = claimNum(t, k);
    if (v !== undefined) r[k] = v;
  }
  if (t.issuedAt) {
    const i = t.issuedAt;
    r.issuedAt = { input: i.input, index: i.index, where: i.where, time: iso(i.receivedAt) };
    if (i.field) r.issuedAt.field = i.field;
    if (i.grantType) r.issuedAt.grantType = i.grantType;
    if (i.clientId) r.issuedAt.clientId = i.clientId;
  }
  r.uses = t.uses.map((u) => {
    const use: ReportToken['uses'][number] = { input: u.input, index: u.index, where: u.where, status: u.status, host: u.host, time: iso(u.sentAt) };
    if (u.field) use.field = u.field;
    return use;
  });
  if (t.signatureDetail) r.signatureDetail = t.signatureDetail;
  // Claims are what users need; they hold no credential. Opaque tokens have none.
  if (t.header) r.header = t.header;
  if (t.claims) r.claims = showSecrets ? t.claims : (redactDeep(t.claims) as Record<string, unknown>);
  if (t.problems.length) r.problems = t.problems;
  if (showSecrets) r.value = t.compact;
  return r;
}

function reportInput(info: TraceInfo): ReportInput {
  const r: ReportInput = { path: info.path, format: info.format, entries: info.entries, sizeBytes: info.sizeBytes, sha256: info.sha256 };
  if (info.producer) r.producer = info.producer;
  return r;
}

export function buildReport(input: BuildReportInput): Report {
  const { session, settings, stats } = input;
  const show = settings.showSecrets;
  const findings = show
    ? input.findings
    : input.findings.map((f) => ({
        ...f,
        title: redactText(f.title),
        message: redactText(f.message),
        advice: redactText(f.advice),
        evidence: redactDeep(f.evidence) as Record<string, unknown>,
      }));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const tokens = [...session.tokens]
    .sort((a, b) => firstSeen(a) - firstSeen(b) || (a.id < b.id ? -1 : 1))
    .map((t) => reportToken(t, show));
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'trace-audit', version: input.toolVersion },
    generatedAt: iso(input.generatedAt),
    settings: {
      clockSkewSeconds: settings.clockSkewSeconds,
      skewThresholdSeconds: settings.skewThresholdSeconds,
      expectAudiences: settings.expectAudiences,
      expectIssuers: settings.expectIssuers,
      redaction: show ? 'show-secrets' : 'default',
    },
    inputs: input.inputs.map(reportInput),
    summary: {
      entries: stats.entries,
      tokens: tokens.length,
      findings: counts,
      timeRange: stats.timeRange ? [iso(stats.timeRange[0]), iso(stats.timeRange[1])] : null,
      hosts: stats.hosts,
      statuses: stats.statuses,
    },
    tokens,
    findings,
    warnings: input.warnings.map((w) => (show ? w : { ...w, message: redactText(w.message) })),
  };
  if (settings.expectTenant) report.settings.expectTenant = settings.expectTenant;
  return report;
}

function firstSeen(t: SessionToken): number {
  return Math.min(t.issuedAt?.receivedAt ?? Infinity, t.uses[0]?.sentAt ?? Infinity);
}
