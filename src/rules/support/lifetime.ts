/**
 * Shared judgement of token-expired and token-not-yet-valid: each use of a
 * token as a credential, timed at the moment it was sent — on the client
 * clock (entry start), moved to the receiving server's clock when that
 * server's Date headers show it clearly off — and what the server answered.
 */
import type { EntryRef, TokenUse } from '../../model/index.js';
import type { SessionToken } from '../../extract/index.js';
import { refKey } from '../../extract/index.js';
import type { RuleContext } from '../types.js';
import { parseDotnetTime } from './dotnet-time.js';
import { iso } from './evidence.js';
import { plainRef } from './refs.js';
import { credentialUses } from './credential-uses.js';
import { acceptedUsesByOrigin, explainedByEarlierRules, originOfRef, type AcceptedUse } from './session-index.js';
import { serverOffsetSeconds } from './server-clock.js';
import { codesFor, verdictAt, type ServerVerdict } from './server-verdict.js';

export type LifetimeProblem = 'expired' | 'not-yet-valid';

export interface TimedUse {
  use: TokenUse;
  verdict: ServerVerdict;
  origin: string;
  /** Server clock minus client clock applied to the send time, seconds (0 when the server's clock looks right). */
  offsetSeconds: number;
  /** Seconds past exp (expired) or before nbf (not-yet-valid) at the server; negative when in time. */
  bySeconds: number;
  /** The server named this problem for this token (IDX code, challenge text, AADSTS code). */
  saidSo: boolean;
  /** Refused for this problem: the server said so, or answered a bare 401 while the token was out of time. */
  refused: boolean;
  code?: string;
  /** The server's own "current time" from its message, epoch ms. */
  serverTimeMs?: number;
}

/** An earlier rule (signing key, signature...) already explains a refusal at this entry. */
export function explainedEarlier(ctx: RuleContext, ref: EntryRef): boolean {
  return explainedByEarlierRules(ctx).has(refKey(ref));
}

function claimMatches(messageTime: string | undefined, claimSeconds: number): boolean | undefined {
  const ms = parseDotnetTime(messageTime);
  if (ms === undefined) return undefined;
  return Math.abs(ms / 1000 - claimSeconds) <= 1;
}

function timeUse(ctx: RuleContext, t: SessionToken, use: TokenUse, claimSeconds: number, problem: LifetimeProblem): TimedUse {
  const verdict = verdictAt(ctx, use);
  const origin = originOfRef(ctx, use);
  const offsetSeconds = serverOffsetSeconds(ctx.session, origin, ctx.settings.skewThresholdSeconds);
  const serverSendSeconds = use.sentAt / 1000 + offsetSeconds;
  const bySeconds = problem === 'expired' ? serverSendSeconds - claimSeconds : claimSeconds - serverSendSeconds;

  const specific = codesFor(verdict, problem).filter((c) => c.tokens.length === 0 || c.tokens.includes(t.id));
  const generic = codesFor(verdict, 'lifetime').filter((c) => c.tokens.includes(t.id) && bySeconds > 0);
  const occurrence = specific[0] ?? generic[0];
  const stated = occurrence ? (problem === 'expired' ? occurrence.details.validTo : occurrence.details.validFrom) : undefined;
  // A message naming another token's time is not about this one; an unreadable time gives it the benefit of the doubt.
  const sameToken = claimMatches(stated, claimSeconds) !== false;
  const textSaysSo = !occurrence && verdict.reasons.has(problem) && use.where === 'authorization';
  const saidSo = (!!occurrence && sameToken) || textSaysSo;
  const bareRefusal = verdict.status === 401 && verdict.reasons.size === 0 && bySeconds > 0 && !explainedEarlier(ctx, use);
  const out: TimedUse = {
    use,
    verdict,
    origin,
    offsetSeconds,
    bySeconds: Math.round(bySeconds * 10) / 10,
    saidSo,
    refused: (saidSo && verdict.status >= 400) || bareRefusal,
  };
  if (occurrence && sameToken) out.code = occurrence.code;
  const serverTime = occurrence && sameToken ? parseDotnetTime(occurrence.details.currentTime) : undefined;
  if (serverTime !== undefined) out.serverTimeMs = serverTime;
  return out;
}

/**
 * The uses of `t` that were out of time (by more than `marginSeconds`) or
 * that the server refused for that reason, in send order.
 */
export function outOfTimeUses(ctx: RuleContext, t: SessionToken, claimSeconds: number, problem: LifetimeProblem, marginSeconds: number): TimedUse[] {
  const out: TimedUse[] = [];
  for (const use of credentialUses(t)) {
    const timed = timeUse(ctx, t, use, claimSeconds, problem);
    if (timed.bySeconds > marginSeconds || timed.saidSo) out.push(timed);
  }
  return out.sort((a, b) => a.use.sentAt - b.use.sentAt);
}

/** Refused uses first (the ones a reader checks), then the rest, each group in time order. */
export function orderedRefs(uses: TimedUse[]): EntryRef[] {
  const refused = uses.filter((u) => u.refused);
  const rest = uses.filter((u) => !u.refused);
  return [...refused, ...rest].map((u) => ({ input: u.use.input, index: u.use.index }));
}

/** First request after `afterMs` at one of `origins` that the server accepted, with the token it carried. */
export function recoveryAfter(ctx: RuleContext, origins: Set<string>, afterMs: number, excludeToken: string): AcceptedUse | undefined {
  const byOrigin = acceptedUsesByOrigin(ctx);
  let best: AcceptedUse | undefined;
  for (const origin of origins) {
    const list = byOrigin.get(origin) ?? [];
    // Binary search for the first accepted use after `afterMs`, then skip the excluded token.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.time <= afterMs) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length; i++) {
      const u = list[i]!;
      if (u.token === excludeToken) continue;
      if (!best || u.time < best.time) best = u;
      break;
    }
  }
  return best;
}

/** Evidence for one out-of-time use; `byKey` names the seconds ("lateBySeconds" / "earlyBySeconds"). */
export function timedUseEvidence(u: TimedUse, byKey: 'lateBySeconds' | 'earlyBySeconds'): Record<string, unknown> {
  const e: Record<string, unknown> = { entry: plainRef(u.use), sentAt: iso(u.use.sentAt), [byKey]: u.bySeconds, status: u.verdict.status, host: u.use.host };
  if (u.code) e.code = u.code;
  if (u.offsetSeconds !== 0) e.serverClockOffsetSeconds = u.offsetSeconds;
  if (u.serverTimeMs !== undefined) e.serverCurrentTime = iso(u.serverTimeMs);
  return e;
}

/** Evidence for the first accepted call after the refusals. */
export function recoveryEvidence(recovery: AcceptedUse): Record<string, unknown> {
  return { entry: plainRef(recovery.ref), token: recovery.token, time: iso(recovery.time) };
}
