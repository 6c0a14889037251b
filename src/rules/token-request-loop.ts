/**
 * token-request-loop: a client asking for the same token again and again
 * instead of using its cache — bursts of token requests for one client and
 * resource, Entra's loop detection (AADSTS50196), or throttling (429 with
 * Retry-After) at the token endpoint.
 */
import type { FindingDraft } from '../model/index.js';
import type { TokenRequest } from '../extract/index.js';
import { iso, uniqueRefs } from './support/evidence.js';
import type { Rule, RuleContext } from './types.js';

/** A burst: this many requests for the same client+target within the window. */
export const BURST_COUNT = 6;
export const BURST_WINDOW_MS = 5 * 60_000;

function target(r: TokenRequest): string {
  return (r.resource ?? r.scope ?? '').split(/\s+/).filter((s) => s !== 'offline_access' && s !== 'openid' && s !== 'profile').sort().join(' ');
}

function check(ctx: RuleContext): FindingDraft[] {
  const out: FindingDraft[] = [];
  const groups = new Map<string, TokenRequest[]>();
  for (const r of ctx.session.tokenRequests) {
    const key = `${r.host} ${r.clientId ?? '?'} ${r.grantType ?? '?'} ${target(r)}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => a.sentAt - b.sentAt);
    let best: TokenRequest[] = [];
    for (let i = 0, j = 0; j < list.length; j++) {
      while (list[j]!.sentAt - list[i]!.sentAt > BURST_WINDOW_MS) i++;
      if (j - i + 1 > best.length) best = list.slice(i, j + 1);
    }
    const looped = list.filter((r) => r.error?.codes.includes('AADSTS50196'));
    const throttled = list.filter((r) => r.status === 429);
    if (best.length < BURST_COUNT && looped.length === 0 && throttled.length === 0) continue;
    const involved = best.length >= BURST_COUNT ? best : [...looped, ...throttled];
    const first = involved[0]!;
    const last = involved[involved.length - 1]!;
    const spanSeconds = Math.round((last.sentAt - first.sentAt) / 1000);
    const severity = looped.length || throttled.length ? 'error' : 'warning';
    const retryAfter = throttled.find((r) => r.retryAfterSeconds)?.retryAfterSeconds;
    const evidence: Record<string, unknown> = {
      clientId: first.clientId ?? null,
      grantType: first.grantType ?? null,
      target: target(first) || null,
      host: first.host,
      requests: involved.length,
      windowSeconds: spanSeconds,
      firstAt: iso(first.sentAt),
      lastAt: iso(last.sentAt),
      loopDetected: looped.length > 0,
      throttled: throttled.length,
    };
    if (retryAfter) evidence.retryAfterSeconds = retryAfter;
    const draft: FindingDraft = {
      rule: 'token-request-loop',
      severity,
      title: `${involved.length} token requests in ${spanSeconds} s for the same client and resource`,
      message: `Client ${first.clientId ?? '(unknown)'} asked ${first.host} for ${target(first) || 'the same token'} ${involved.length} times between #${first.entry.index} and #${last.entry.index}${looped.length ? '; Entra detected a loop (AADSTS50196)' : ''}${throttled.length ? `; ${throttled.length} answered 429${retryAfter ? ` with Retry-After ${retryAfter} s` : ''}` : ''}.`,
      entries: uniqueRefs(involved.map((r) => r.entry)),
      tokens: [],
      time: first.sentAt,
      evidence,
      advice:
        'Cache tokens and reuse them until they near expiry (MSAL: acquireTokenSilent before any interactive or network call; one PublicClientApplication/ConfidentialClientApplication instance per app, not per request). Honour Retry-After on 429.',
    };
    if (looped.length) draft.code = 'AADSTS50196';
    out.push(draft);
  }
  return out;
}

export const rule: Rule = {
  meta: { id: 'token-request-loop', description: 'Repeated token requests for the same client and resource, loop detection or throttling', defaultSeverity: 'warning' },
  check,
};
