/**
 * token-not-yet-valid: a token sent before its `nbf` (or `iat` when it has
 * no nbf), judged at the moment it was sent. One finding per token; when the
 * issuing service's clock is visibly ahead, the finding says so. See
 * docs/rules/token-not-yet-valid.md.
 */
import type { FindingDraft } from '../model/index.js';
import type { SessionToken } from '../extract/index.js';
import { originOf } from '../extract/index.js';
import { epochClaim, formatDuration } from '../jwt/index.js';
import type { Rule, RuleContext } from './types.js';
import { hasClaims, isMicrosoftToken } from './support/credential-uses.js';
import { iso, isoFromSeconds, refLabel, tokenLabel, uniqueRefs } from './support/evidence.js';
import { plainRef } from './support/refs.js';
import { capitalize } from './support/text.js';
import { tokenClockSample, nearestTokenBound } from './support/issuer-clock.js';
import { orderedRefs, outOfTimeUses, recoveryAfter, recoveryEvidence, timedUseEvidence, type TimedUse } from './support/lifetime.js';
import { clockOf, direction, isClearlySkewed } from './support/server-clock.js';

/**
 * Timestamps and Date headers have one-second resolution and a request's
 * start is not the instant the server read it: a token a few seconds "early"
 * is measurement noise, not a problem.
 */
export const EARLY_MARGIN_SECONDS = 5;

interface IssuerClock {
  origin: string;
  skewSeconds: number;
  direction: string;
  source: 'date-header' | 'token-times';
}

/** The issuing service's clock, when its Date headers or the token's own times show it clearly off. */
function issuerClockOf(ctx: RuleContext, t: SessionToken): IssuerClock | undefined {
  const threshold = ctx.settings.skewThresholdSeconds;
  const issueEntry = t.issuedAt ? ctx.entry(t.issuedAt) : undefined;
  const origin = issueEntry ? originOf(issueEntry.request.url) : undefined;
  if (origin) {
    const c = clockOf(ctx.session, origin);
    if (c && isClearlySkewed(c, threshold)) return { origin, skewSeconds: c.skewSeconds, direction: direction(c.skewSeconds), source: 'date-header' };
  }
  const s = tokenClockSample(ctx.session, t);
  const bound = s ? nearestTokenBound(s) : 0;
  if (s && Math.abs(bound) > threshold) return { origin: s.origin, skewSeconds: Math.round(bound), direction: direction(bound), source: 'token-times' };
  return undefined;
}

function findingFor(ctx: RuleContext, t: SessionToken, claim: 'nbf' | 'iat', start: number, early: TimedUse[]): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const tolerance = ctx.settings.clockSkewSeconds;
  const refused = early.filter((u) => u.refused);
  const lead = refused[0] ?? early[0]!;
  const code = early.find((u) => u.code)?.code;
  const severity = refused.length > 0 || early.some((u) => u.bySeconds > tolerance) ? 'error' : 'info';
  const issuerClock = issuerClockOf(ctx, t);
  const lastRefused = refused[refused.length - 1];
  const recovery = lastRefused ? recoveryAfter(ctx, new Set(refused.map((u) => u.origin)), lastRefused.use.sentAt, t.id) : undefined;

  const byServerOnly = lead.bySeconds <= EARLY_MARGIN_SECONDS;
  const when = byServerOnly ? 'before it became valid by the server\'s clock,' : `${formatDuration(lead.bySeconds)} before it became valid,`;
  const outcome = lead.refused ? `refused with ${lead.verdict.status}${lead.code ? ` (${lead.code})` : ''}` : `accepted (${lead.verdict.status})`;
  const title = `${tokenLabel(t)} used ${byServerOnly ? 'before' : `${formatDuration(lead.bySeconds)} before`} its ${claim}, ${
    lead.refused ? `refused${lead.code ? ` (${lead.code})` : ''}` : severity === 'info' ? `accepted within the ${tolerance} s tolerance` : 'accepted'
  }`;
  let message = `${tokenLabel(t)} (${claim} ${isoFromSeconds(start)}) was sent at ${refLabel(lead.use, multi)}, ${when} and ${outcome}`;
  message += early.length > 1 ? `; ${early.length} early uses in all.` : '.';
  if (issuerClock) {
    message += ` The token service ${issuerClock.origin} runs about ${formatDuration(issuerClock.skewSeconds)} ${issuerClock.skewSeconds > 0 ? 'ahead of' : 'behind'} the client clock (${issuerClock.source === 'date-header' ? 'its Date headers' : 'its token times'}), so it dates tokens ${issuerClock.skewSeconds > 0 ? 'in the future' : 'in the past'}.`;
  }
  if (recovery) message += ` Calls succeeded again from ${refLabel(recovery.ref, multi)}.`;

  const evidence: Record<string, unknown> = {
    token: t.id,
    claim,
    [claim]: start,
    [`${claim}Iso`]: isoFromSeconds(start),
    sentAt: iso(lead.use.sentAt),
    sentAtEpoch: Math.floor(lead.use.sentAt / 1000),
    earlyBySeconds: lead.bySeconds,
    maxEarlyBySeconds: Math.max(...early.map((u) => u.bySeconds)),
    status: lead.verdict.status,
    refused: refused.length > 0,
    clockSkewSeconds: tolerance,
    marginSeconds: EARLY_MARGIN_SECONDS,
    apiOrigins: [...new Set(early.map((u) => u.origin))],
    uses: early.slice(0, 20).map((u) => timedUseEvidence(u, 'earlyBySeconds')),
  };
  if (code) evidence.code = code;
  if (byServerOnly) evidence.measuredBy = 'server message';
  if (t.issuedAt) evidence.issuedAt = plainRef(t.issuedAt);
  if (issuerClock) evidence.issuerClock = issuerClock;
  if (recovery) evidence.recoveredAt = recoveryEvidence(recovery);

  const advice = issuerClock
    ? `Clocks disagree: the token service (${issuerClock.origin}) and the client/API differ by about ${formatDuration(issuerClock.skewSeconds)}. Entra ID's clock is right, so with Entra fix the API host's and client's time (NTP, w32tm /resync); with a self-hosted token service fix that server's NTP. The API's ClockSkew (TokenValidationParameters.ClockSkew, default 5 min) only hides small differences.`
    : 'The API received the token before its start time: check the API host clock (NTP, w32tm /resync) against the token service, and do not mint or cache tokens with a future nbf. Small differences are covered by the API\'s ClockSkew (default 5 min).';

  const draft: FindingDraft = {
    rule: 'token-not-yet-valid',
    severity,
    title: capitalize(title),
    message: capitalize(message),
    entries: uniqueRefs([...orderedRefs(early), ...(recovery ? [recovery.ref] : [])]),
    tokens: [t.id],
    time: Math.min(...early.map((u) => u.use.sentAt)),
    evidence,
    advice,
  };
  if (code) draft.code = code;
  return draft;
}

export const rule: Rule = {
  meta: {
    id: 'token-not-yet-valid',
    description: 'A token was sent before its nbf (or iat) by more than a few seconds, measured when it was sent.',
    defaultSeverity: 'error',
  },
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const t of ctx.session.tokens) {
      if (!hasClaims(t)) continue;
      const nbf = epochClaim(t.claims, 'nbf');
      const claim = nbf !== undefined ? 'nbf' : 'iat';
      const start = nbf ?? epochClaim(t.claims, 'iat');
      if (start === undefined) continue;
      const early = outOfTimeUses(ctx, t, start, 'not-yet-valid', EARLY_MARGIN_SECONDS);
      if (early.length === 0) continue;
      if (!isMicrosoftToken(t) && !early.some((u) => u.refused)) continue;
      out.push(findingFor(ctx, t, claim, start, early));
    }
    return out;
  },
};
