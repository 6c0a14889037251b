/**
 * token-expired: a token sent after its `exp`, judged at the moment it was
 * sent (never against today's date). One finding per token, listing every
 * late use. See docs/rules/token-expired.md.
 */
import type { FindingDraft } from '../model/index.js';
import type { SessionToken } from '../extract/index.js';
import { audienceList, epochClaim, formatDuration, normalizeAudience } from '../jwt/index.js';
import type { Rule, RuleContext } from './types.js';
import { hasClaims, isMicrosoftToken } from './support/credential-uses.js';
import { iso, isoFromSeconds, refLabel, tokenLabel, uniqueRefs } from './support/evidence.js';
import { plainRef } from './support/refs.js';
import { capitalize } from './support/text.js';
import { orderedRefs, outOfTimeUses, recoveryAfter, recoveryEvidence, timedUseEvidence, type TimedUse } from './support/lifetime.js';

type IssuedByAudience = Map<string, SessionToken[]>;

/** Tokens issued in the trace, by kind and normalized audience: where to look for a newer copy. */
function issuedByAudience(ctx: RuleContext): IssuedByAudience {
  const out: IssuedByAudience = new Map();
  for (const o of ctx.session.tokens) {
    if (!o.issuedAt || epochClaim(o.claims, 'exp') === undefined) continue;
    for (const a of audienceList(o.claims?.aud)) {
      const key = `${o.kind}|${normalizeAudience(a)}`;
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push(o);
    }
  }
  return out;
}

/** A newer token for the same audience that was already in the client's hands when the late one was sent. */
function newerTokenBefore(index: IssuedByAudience, t: SessionToken, atMs: number): SessionToken | undefined {
  for (const a of audienceList(t.claims?.aud)) {
    const found = (index.get(`${t.kind}|${normalizeAudience(a)}`) ?? []).find(
      (o) => o.id !== t.id && o.issuedAt!.receivedAt < atMs && epochClaim(o.claims, 'exp')! * 1000 > atMs,
    );
    if (found) return found;
  }
  return undefined;
}

function findingFor(ctx: RuleContext, index: () => IssuedByAudience, t: SessionToken, exp: number, late: TimedUse[]): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const tolerance = ctx.settings.clockSkewSeconds;
  const refused = late.filter((u) => u.refused);
  const lead = refused[0] ?? late[0]!;
  const code = late.find((u) => u.code)?.code;
  const beyond = late.some((u) => u.bySeconds > tolerance);
  const severity = refused.length > 0 || beyond ? 'error' : 'info';
  const byServerOnly = lead.bySeconds <= 0;
  const lastRefused = refused[refused.length - 1];
  const recovery = lastRefused ? recoveryAfter(ctx, new Set(refused.map((u) => u.origin)), lastRefused.use.sentAt, t.id) : undefined;
  const newer = newerTokenBefore(index(), t, lead.use.sentAt);

  const when = byServerOnly
    ? `after exp by the server's clock (${formatDuration(-lead.bySeconds)} before it by the client's)`
    : `${formatDuration(lead.bySeconds)} after it expired,`;
  const outcome = lead.refused ? `refused with ${lead.verdict.status}${lead.code ? ` (${lead.code})` : ''}` : `accepted (${lead.verdict.status})`;
  const title = `${tokenLabel(t)} sent ${byServerOnly ? 'after expiry' : `${formatDuration(lead.bySeconds)} after expiry`}, ${
    lead.refused ? `refused${lead.code ? ` (${lead.code})` : ''}` : severity === 'info' ? `accepted within the ${tolerance} s tolerance` : 'accepted'
  }`;
  let message = `${tokenLabel(t)} (exp ${isoFromSeconds(exp)}) was sent at ${refLabel(lead.use, multi)}, ${when} and ${outcome}`;
  message += late.length > 1 ? `; ${late.length} late uses in all.` : '.';
  if (byServerOnly) message += ` The server's clock is probably ahead: it said the token had expired (current time ${iso(lead.serverTimeMs) ?? 'not given'}).`;
  if (newer) message += ` A newer token (${newer.id}) had already been issued at ${refLabel(newer.issuedAt!, multi)}.`;
  if (recovery) message += ` Calls succeeded again from ${refLabel(recovery.ref, multi)} with token ${recovery.token}.`;

  const evidence: Record<string, unknown> = {
    token: t.id,
    exp,
    expIso: isoFromSeconds(exp),
    sentAt: iso(lead.use.sentAt),
    sentAtEpoch: Math.floor(lead.use.sentAt / 1000),
    lateBySeconds: lead.bySeconds,
    maxLateBySeconds: Math.max(...late.map((u) => u.bySeconds)),
    status: lead.verdict.status,
    refused: refused.length > 0,
    clockSkewSeconds: tolerance,
    apiOrigins: [...new Set(late.map((u) => u.origin))],
    uses: late.slice(0, 20).map((u) => timedUseEvidence(u, 'lateBySeconds')),
  };
  if (code) evidence.code = code;
  if (byServerOnly) evidence.measuredBy = 'server message';
  if (t.issuedAt) evidence.issuedAt = plainRef(t.issuedAt);
  if (newer) evidence.newerToken = { token: newer.id, issuedAt: plainRef(newer.issuedAt!) };
  if (recovery) evidence.recoveredAt = recoveryEvidence(recovery);

  const advice = byServerOnly
    ? 'The server judged the token expired before its exp by the client clock: check the API host clock (NTP / w32tm /resync) and compare its Date headers with the client.'
    : newer
      ? 'The client kept sending a cached token after a newer one had arrived: take the token from MSAL right before each call (acquireTokenSilent / AcquireTokenSilent) instead of storing it in app state.'
      : 'Acquire the token right before each call with MSAL\'s silent call (acquireTokenSilent / AcquireTokenSilent), which refreshes it ahead of exp, and on a 401 with an expired token get a new one and retry once. If the client clock is off, fix it (NTP).';

  const refs = uniqueRefs([...orderedRefs(late), ...(recovery ? [recovery.ref] : [])]);
  const draft: FindingDraft = {
    rule: 'token-expired',
    severity,
    title: capitalize(title),
    message: capitalize(message),
    entries: refs,
    tokens: newer ? [t.id, newer.id] : [t.id],
    time: Math.min(...late.map((u) => u.use.sentAt)),
    evidence,
    advice,
  };
  if (code) draft.code = code;
  return draft;
}

export const rule: Rule = {
  meta: {
    id: 'token-expired',
    description: 'A token was sent after its exp, measured when it was sent (entry start), not against today.',
    defaultSeverity: 'error',
  },
  check(ctx) {
    const out: FindingDraft[] = [];
    let issued: IssuedByAudience | undefined;
    const index = () => (issued ??= issuedByAudience(ctx));
    for (const t of ctx.session.tokens) {
      if (!hasClaims(t)) continue;
      const exp = epochClaim(t.claims, 'exp');
      if (exp === undefined) continue;
      const late = outOfTimeUses(ctx, t, exp, 'expired', 0);
      if (late.length === 0) continue;
      // Foreign tokens (WOPI, third-party IdPs) count only where a server refused them.
      if (!isMicrosoftToken(t) && !late.some((u) => u.refused)) continue;
      out.push(findingFor(ctx, index, t, exp, late));
    }
    return out;
  },
};
