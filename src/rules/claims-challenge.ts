/**
 * claims-challenge: the server asked for a token with more claims —
 * Continuous Access Evaluation (`insufficient_claims` at a resource),
 * Conditional Access authentication context (`acrs`), or a token endpoint
 * `interaction_required` error carrying `claims`. Decoded, and checked
 * whether the client answered it (a later authorize/token request with a
 * `claims` parameter).
 */
import type { EntryRef, FindingDraft } from '../model/index.js';
import { headerValue } from '../model/index.js';
import { iso, uniqueRefs } from './support/evidence.js';
import { urlParams } from '../extract/index.js';
import type { Rule, RuleContext } from './types.js';

interface Challenge {
  entry: EntryRef;
  time: number;
  host: string;
  source: 'www-authenticate' | 'token-endpoint' | 'redirect';
  error?: string;
  claims: string;
  code?: string;
  tokens: string[];
}

/** What a claims request asks for, in words. */
function describeClaims(claims: string): { asks: string[]; parsed?: unknown } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(claims);
  } catch {
    return { asks: ['unparsable claims value'] };
  }
  const asks: string[] = [];
  const at = (parsed as Record<string, Record<string, { value?: unknown; values?: unknown }>> | undefined) ?? {};
  for (const [tokenType, members] of Object.entries(at)) {
    if (!members || typeof members !== 'object') continue;
    for (const [claim, spec] of Object.entries(members)) {
      const v = spec && typeof spec === 'object' ? (spec.value ?? spec.values) : undefined;
      if (claim === 'acrs') asks.push(`Conditional Access authentication context ${JSON.stringify(v)} in the ${tokenType}`);
      else if (claim === 'nbf') asks.push(`a ${tokenType} issued after ${typeof v === 'string' || typeof v === 'number' ? iso(Number(v) * 1000) : 'a revocation event'} (CAE: session revoked or policy changed)`);
      else if (claim === 'xms_cc') asks.push(`client capabilities ${JSON.stringify(v)}`);
      else asks.push(`claim ${claim}${v !== undefined ? ` = ${JSON.stringify(v)}` : ''} in the ${tokenType}`);
    }
  }
  return { asks, parsed };
}

function challengesOf(ctx: RuleContext): Challenge[] {
  const out: Challenge[] = [];
  for (const c of ctx.session.challenges) {
    if (!c.claims && c.params.error !== 'insufficient_claims') continue;
    const ch: Challenge = { entry: c.entry, time: c.time, host: c.host, source: 'www-authenticate', claims: c.claims ?? '', tokens: c.tokens };
    if (c.params.error) ch.error = c.params.error;
    out.push(ch);
  }
  for (const occ of ctx.session.errors) {
    if (!occ.oauth?.claims || occ.source === 'www-authenticate') continue;
    if (out.some((c) => c.entry.index === occ.entry.index && c.entry.input === occ.entry.input)) continue;
    const ch: Challenge = { entry: occ.entry, time: occ.time, host: occ.host, source: occ.source === 'token-endpoint' ? 'token-endpoint' : 'redirect', claims: occ.oauth.claims, code: occ.code, tokens: occ.tokens };
    if (occ.oauth.error) ch.error = occ.oauth.error;
    out.push(ch);
  }
  return out;
}

/** A later authorize or token request that carries a `claims` parameter. */
function answeredBy(ctx: RuleContext, after: number): EntryRef | undefined {
  for (const a of ctx.session.authorizeRequests) if (a.sentAt > after && a.claims) return a.entry;
  for (const t of ctx.session.tokenRequests) {
    if (t.sentAt <= after) continue;
    const body = ctx.entry(t.entry)?.request.body?.text ?? '';
    if (/(^|&)claims=/.test(body) || urlParams(ctx.entry(t.entry)?.request.url ?? '').query.has('claims')) return t.entry;
  }
  return undefined;
}

function check(ctx: RuleContext): FindingDraft[] {
  return challengesOf(ctx).map((c) => {
    const { asks } = describeClaims(c.claims);
    const answer = answeredBy(ctx, c.time);
    const cae = c.error === 'insufficient_claims';
    const entry = ctx.entry(c.entry);
    const xmsCc = entry ? /xms_cc|cp1/.test(headerValue(entry.request.headers, 'x-client-capabilities') ?? '') : false;
    const evidence: Record<string, unknown> = {
      source: c.source,
      host: c.host,
      time: iso(c.time),
      claims: c.claims.slice(0, 1000),
      asks,
      answeredAt: answer?.index ?? null,
    };
    if (c.error) evidence.error = c.error;
    if (xmsCc) evidence.clientCapabilities = true;
    const what = asks.length ? asks.join('; ') : 'more claims';
    const draft: FindingDraft = {
      rule: 'claims-challenge',
      severity: answer ? 'info' : 'warning',
      title: cae ? `Claims challenge (CAE / Conditional Access) from ${c.host}` : `Claims challenge${c.code ? ` with ${c.code}` : ''} from ${c.host}`,
      message: `#${c.entry.index} ${c.source === 'www-authenticate' ? `answered with WWW-Authenticate error="${c.error ?? ''}"` : `returned ${c.error ?? 'an error'}${c.code ? ` (${c.code})` : ''}`} asking for ${what}.${answer ? ` The client asked again with the claims at #${answer.index}.` : ' No later request in the trace carries the claims.'}`,
      entries: uniqueRefs([c.entry, ...(answer ? [answer] : [])]),
      tokens: c.tokens,
      time: c.time,
      evidence,
      advice: answer
        ? 'The client handled the challenge; nothing to fix unless the new token is refused too.'
        : 'The client must pass the decoded claims value to a new interactive or silent token request (MSAL: WithClaims / claims in the request), and declare the capability (client capability "cp1") so the API can send CAE challenges. Do not retry with the same token.',
    };
    // The code itself is aad-error's to explain; this finding only names it.
    if (c.code) draft.evidence.aadsts = c.code;
    return draft;
  });
}

export const rule: Rule = {
  meta: { id: 'claims-challenge', description: 'A claims challenge (CAE, Conditional Access auth context, interaction_required with claims), decoded', defaultSeverity: 'warning' },
  check,
};
