/**
 * clock-skew: an origin's clock differs from the client's by more than the
 * threshold, measured over several Date headers (or token times); or the
 * client's own clock differs from every server. See docs/rules/clock-skew.md.
 */
import type { EntryRef, FindingDraft, Severity } from '../model/index.js';
import { formatDuration } from '../jwt/index.js';
import type { Rule, RuleContext } from './types.js';
import { authOrigins, clockCandidates, inSyncOrigins, type ClockCandidate } from './support/clock-candidates.js';
import { iso, refLabel, uniqueRefs } from './support/evidence.js';
import { plainRef } from './support/refs.js';
import { direction } from './support/server-clock.js';

/** Durations for titles: estimates carry a second of noise, so "10 min", not "10 min 1 s". */
function rough(seconds: number): string {
  const a = Math.abs(seconds);
  const step = a < 120 ? 1 : a < 3600 ? 10 : 60;
  return formatDuration(Math.round(a / step) * step);
}

interface Explained {
  finding: FindingDraft;
  why: string;
}

/**
 * Refusals by token-expired / token-not-yet-valid that this clock accounts
 * for: an issuer ahead mints tokens "from the future", an API behind sees
 * them too early; an API ahead sees them expire early, an issuer behind mints
 * them already old.
 */
function explainedRefusals(ctx: RuleContext, c: ClockCandidate): Explained[] {
  const out: Explained[] = [];
  const ahead = c.skewSeconds > 0;
  for (const f of ctx.previous) {
    if (f.severity !== 'error' || f.evidence.refused !== true) continue;
    const apiOrigins = Array.isArray(f.evidence.apiOrigins) ? (f.evidence.apiOrigins as string[]) : [];
    const issuerOrigin = (f.evidence.issuerClock as { origin?: string } | undefined)?.origin ?? issuerOriginOf(ctx, f);
    if (f.rule === 'token-not-yet-valid') {
      if (ahead && issuerOrigin === c.origin) out.push({ finding: f, why: 'the token service dates tokens in the future' });
      else if (!ahead && apiOrigins.includes(c.origin)) out.push({ finding: f, why: 'the API sees tokens before their start' });
    } else if (f.rule === 'token-expired') {
      if (ahead && apiOrigins.includes(c.origin)) out.push({ finding: f, why: 'the API sees tokens expire early' });
      else if (!ahead && issuerOrigin === c.origin) out.push({ finding: f, why: 'the token service mints tokens already aged' });
    }
  }
  return out;
}

function issuerOriginOf(ctx: RuleContext, f: FindingDraft): string | undefined {
  const t = f.tokens[0] ? ctx.token(f.tokens[0]) : undefined;
  const e = t?.issuedAt ? ctx.entry(t.issuedAt) : undefined;
  if (!e) return undefined;
  try {
    return new URL(e.request.url).origin.toLowerCase();
  } catch {
    return undefined;
  }
}

function measuredRefs(c: ClockCandidate): EntryRef[] {
  return uniqueRefs([...(c.dateClock?.entries ?? []), ...c.tokenReadings.map((r) => r.entry)]);
}

function originFinding(ctx: RuleContext, c: ClockCandidate, relevant: boolean): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const explained = explainedRefusals(ctx, c);
  const severity: Severity = explained.length > 0 ? 'error' : relevant ? 'warning' : 'info';
  const measured = measuredRefs(c);
  const dir = direction(c.skewSeconds);
  const source = c.dateClock ? (c.tokenReadings.length ? 'date-header+token-times' : 'date-header') : 'token-times';
  const span = rough(c.skewSeconds);
  const side = c.skewSeconds > 0 ? 'ahead of' : 'behind';
  const host = c.origin.replace(/^https?:\/\//, '');
  let message = c.dateClock
    ? `Date headers of ${c.origin} (${c.dateClock.samples} responses, e.g. ${measured.slice(0, 3).map((r) => refLabel(r, multi)).join(', ')}) put its clock ${c.skewSeconds} s ${side} the client clock (every sample agrees on at least ${Math.abs(c.boundSeconds)} s).`
    : `Tokens issued by ${c.origin} (${c.tokenReadings.length}, e.g. at ${measured.slice(0, 3).map((r) => refLabel(r, multi)).join(', ')}) carry times ${Math.abs(c.boundSeconds)} s or more ${side} the client clock.`;
  if (c.dateClock && c.tokenReadings.length) message += ` The times in its tokens agree.`;
  if (explained.length) {
    message += ` This explains ${explained.map((x) => `${x.finding.rule} of ${x.finding.tokens[0] ?? 'a token'} at ${x.finding.entries.slice(0, 3).map((r) => refLabel(r, multi)).join(', ')} (${x.why})`).join('; ')}.`;
  }
  const evidence: Record<string, unknown> = {
    origin: c.origin,
    skewSeconds: c.skewSeconds,
    direction: dir,
    lowSeconds: c.lowSeconds,
    highSeconds: Number.isFinite(c.highSeconds) ? c.highSeconds : null,
    boundNearestZeroSeconds: c.boundSeconds,
    samples: c.dateClock?.samples ?? 0,
    thresholdSeconds: ctx.settings.skewThresholdSeconds,
    source,
    entriesMeasured: measured.slice(0, 20).map(plainRef),
    authRelated: relevant,
  };
  if (c.tokenReadings.length) {
    evidence.tokenReadings = c.tokenReadings.slice(0, 10).map((r) => ({
      token: r.token,
      entry: plainRef(r.entry),
      lowSeconds: Math.round(r.lowSeconds),
      highSeconds: Number.isFinite(r.highSeconds) ? Math.round(r.highSeconds) : null,
      source: r.source,
    }));
  }
  if (explained.length) evidence.explains = explained.map((x) => ({ rule: x.finding.rule, tokens: x.finding.tokens, entries: x.finding.entries.map(plainRef) }));
  const explainedRefs = explained.flatMap((x) => x.finding.entries);
  const times = ctx.session.entries.filter((e) => measured.some((r) => r.input === e.input && r.index === e.index)).map((e) => e.startedAt);
  const draft: FindingDraft = {
    rule: 'clock-skew',
    severity,
    title: `${host} clock ${span} ${c.skewSeconds > 0 ? 'ahead of' : 'behind'} the client${explained.length ? ', tokens refused' : ''}`,
    message,
    entries: uniqueRefs([...explainedRefs, ...measured]),
    tokens: [...new Set([...explained.flatMap((x) => x.finding.tokens), ...c.tokenReadings.map((r) => r.token)])],
    evidence,
    advice:
      'Sync the clock that is wrong (NTP; w32tm /resync on Windows, chrony/timedatectl on Linux). Entra ID\'s clock is right: if the token service here is Entra, the client machine (or the proxy that recorded the trace) is off; otherwise check the server named here. An API\'s ClockSkew tolerance (default 5 min) only hides small differences.',
  };
  if (times.length) draft.time = Math.min(...times);
  return draft;
}

/** Every measured server disagrees with the client by about the same amount: the client's clock is the odd one out. */
function clientFinding(ctx: RuleContext, cs: ClockCandidate[]): FindingDraft {
  const skews = cs.map((c) => c.skewSeconds).sort((a, b) => a - b);
  const median = skews[Math.floor(skews.length / 2)]!;
  const measured = uniqueRefs(cs.flatMap((c) => measuredRefs(c)));
  const side = median > 0 ? 'behind' : 'ahead of';
  return {
    rule: 'clock-skew',
    severity: 'warning',
    title: `Client clock about ${rough(median)} ${side} every server`,
    message: `All ${cs.length} servers with Date headers (${cs.map((c) => c.origin).join(', ')}) agree the client clock (or the proxy that recorded the trace) is about ${Math.abs(median)} s ${side} them; no server agrees with the client.`,
    entries: measured.slice(0, 50),
    tokens: [],
    time: Math.min(...ctx.session.entries.filter((e) => measured.some((r) => r.input === e.input && r.index === e.index)).map((e) => e.startedAt)),
    evidence: {
      origin: 'client',
      skewSeconds: median,
      direction: direction(median),
      origins: cs.map((c) => ({ origin: c.origin, skewSeconds: c.skewSeconds, lowSeconds: c.lowSeconds, highSeconds: Number.isFinite(c.highSeconds) ? c.highSeconds : null, samples: c.dateClock?.samples ?? 0 })),
      thresholdSeconds: ctx.settings.skewThresholdSeconds,
      entriesMeasured: measured.slice(0, 20).map(plainRef),
      firstMeasured: iso(ctx.session.entries.find((e) => measured.some((r) => r.input === e.input && r.index === e.index))?.startedAt),
    },
    advice: 'Fix the clock of the machine that recorded the trace (NTP; w32tm /resync on Windows). Times in this report are on that clock; the servers agree with each other.',
  };
}

export const rule: Rule = {
  meta: {
    id: 'clock-skew',
    description: "An origin's clock (Date headers, token times) differs from the client clock by more than the threshold.",
    defaultSeverity: 'warning',
  },
  check(ctx) {
    const threshold = ctx.settings.skewThresholdSeconds;
    const candidates = clockCandidates(ctx.session, threshold);
    if (candidates.length === 0) return [];
    const dated = candidates.filter((c) => c.dateClock);
    const agree = dated.length >= 2 && Math.max(...dated.map((c) => c.skewSeconds)) - Math.min(...dated.map((c) => c.skewSeconds)) <= threshold;
    if (agree && inSyncOrigins(ctx.session, threshold).length === 0 && candidates.every((c) => explainedRefusals(ctx, c).length === 0)) {
      return [clientFinding(ctx, dated)];
    }
    const relevant = authOrigins(ctx.session);
    return candidates.map((c) => originFinding(ctx, c, relevant.has(c.origin)));
  },
};
