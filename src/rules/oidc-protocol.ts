/**
 * oidc-protocol: the OpenID Connect checks a client library makes, replayed
 * on the trace: the ID token's nonce against the authorize request, the
 * response's state against pending authorize requests, at_hash / c_hash
 * against the access token / code delivered with the ID token.
 */
import type { EntryRef, FindingDraft } from '../model/index.js';
import type { AuthorizeResponse, SessionToken } from '../extract/index.js';
import { audienceList } from '../jwt/index.js';
import { redactJwts } from '../report/redact.js';
import { claimString, headerString, iso, refLabel, tokenLabel, uniqueRefs } from './support/evidence.js';
import { leftHalfHash } from './support/oidc-hash.js';
import { fromSignIn, normalizeRedirect, requestForState, responseFor } from './support/oidc-links.js';
import type { Rule, RuleContext } from './types.js';

/** Pending authorize requests older than this are not considered for a state check. */
const PENDING_WINDOW_MS = 60 * 60_000;

const ADVICE_NONCE =
  'The client must reject this ID token (replay or mixed-up sign-ins). Look for two sign-ins running at once (several tabs, iframes, a retry after a timeout), a nonce cached across sign-ins, or a proxy/cache replaying an old response; start a fresh sign-in.';
const ADVICE_STATE =
  'The redirect URI received a state no sign-in from this browser was waiting for: the client rejects it (MSAL: state_mismatch / "state not found"). Look for a sign-in started in another tab or an old bookmarked redirect URL, a lost session/local storage between request and response, or a login CSRF attempt.';
const ADVICE_HASH =
  'The access token or code was swapped or changed between the identity provider and the client: the client must reject the response. Find what rewrites responses on the way (proxy, middleware, browser extension) or code that mixes tokens of different responses.';

/** Nonce and state are correlation values, shown truncated; some libraries use a JWT as state, which is never shown. */
const short = (v: string) => {
  const safe = redactJwts(v);
  return safe.length > 100 ? `${safe.slice(0, 100)}…` : safe;
};
const ref = (e: EntryRef) => ({ input: e.input, index: e.index });

function issueRef(t: SessionToken): EntryRef | undefined {
  return t.issuedAt ? ref(t.issuedAt) : t.uses[0] ? ref(t.uses[0]) : undefined;
}

function nonceFindings(ctx: RuleContext): FindingDraft[] {
  const multi = ctx.session.inputs.length > 1;
  const out: FindingDraft[] = [];
  for (const t of ctx.session.tokens) {
    if (t.kind !== 'id' || t.format !== 'jws' || !t.claims || !fromSignIn(t)) continue;
    const actual = claimString(t, 'nonce');
    const clientId = audienceList(t.claims.aud)[0];
    const issuedAt = t.issuedAt!.receivedAt;
    const response = responseFor(ctx.session, t);
    const request = response?.state !== undefined ? requestForState(ctx.session, response.state, issuedAt, clientId) : undefined;
    let problem: string | undefined;
    let evidence: Record<string, unknown> = {};
    let related: EntryRef[] = [];
    if (request) {
      if (request.nonce === undefined || actual === request.nonce) continue;
      problem = actual === undefined ? `has no nonce although the authorize request ${refLabel(request.entry, multi)} sent one` : `carries nonce "${short(actual)}" but its authorize request ${refLabel(request.entry, multi)} sent "${short(request.nonce)}"`;
      evidence = { matchedBy: 'state', authorizeRequest: request.entry, expectedNonce: short(request.nonce), ...(actual !== undefined ? { nonce: short(actual) } : {}) };
      related = [request.entry, ...(response ? [response.entry] : [])];
    } else {
      // No state chain: compare with every authorize request this client sent before.
      if (actual === undefined || !clientId) continue;
      const candidates = ctx.session.authorizeRequests.filter((a) => a.clientId === clientId && a.nonce !== undefined && a.sentAt <= issuedAt);
      if (candidates.length === 0 || candidates.some((a) => a.nonce === actual)) continue;
      problem = `carries nonce "${short(actual)}", which none of the ${candidates.length} authorize request(s) of client ${clientId} sent`;
      evidence = { matchedBy: 'client', nonce: short(actual), authorizeRequests: candidates.slice(-10).map((a) => a.entry), sentNonces: candidates.slice(-10).map((a) => short(a.nonce!)) };
      related = candidates.slice(-5).map((a) => a.entry);
    }
    const at = issueRef(t)!;
    out.push({
      rule: 'oidc-protocol',
      severity: 'error',
      title: `${tokenLabel(t)}: nonce does not match the sign-in request`,
      message: `The ${tokenLabel(t)} delivered at ${refLabel(at, multi)} ${problem}.`,
      entries: uniqueRefs([at, ...related]),
      tokens: [t.id],
      time: Math.min(issuedAt, ...related.map((r) => ctx.entry(r)?.startedAt ?? issuedAt)),
      evidence: { check: 'nonce', idToken: t.id, ...(clientId ? { clientId } : {}), ...evidence },
      advice: ADVICE_NONCE,
    });
  }
  return out;
}

function stateFindings(ctx: RuleContext): FindingDraft[] {
  const multi = ctx.session.inputs.length > 1;
  const byTarget = new Map<string, { responses: AuthorizeResponse[]; states: Set<string>; pending: EntryRef[] }>();
  const seen = new Set<string>();
  for (const r of ctx.session.authorizeResponses) {
    const target = normalizeRedirect(r.target);
    if (r.state === undefined || !target || seen.has(`${target}\n${r.state}`)) continue;
    seen.add(`${target}\n${r.state}`);
    const time = ctx.entry(r.entry)?.startedAt ?? 0;
    const pending = ctx.session.authorizeRequests.filter((a) => normalizeRedirect(a.redirectUri) === target && a.sentAt <= time && time - a.sentAt <= PENDING_WINDOW_MS);
    // Without a captured authorize request for this redirect URI, the flow began before the capture: nothing to compare.
    if (pending.length === 0 || pending.some((a) => a.state === r.state)) continue;
    const g = byTarget.get(target) ?? { responses: [], states: new Set<string>(), pending: [] };
    byTarget.set(target, g);
    g.responses.push(r);
    for (const a of pending) {
      if (a.state !== undefined) g.states.add(a.state);
      g.pending.push(a.entry);
    }
  }
  return [...byTarget.entries()].map(([target, g]) => {
    const responses = g.responses.map((r) => r.entry);
    const first = ctx.entry(responses[0]!)?.startedAt;
    const draft: FindingDraft = {
      rule: 'oidc-protocol',
      severity: 'error',
      title: `Authorization response to ${target} carries a state no pending sign-in sent`,
      message: `${responses.slice(0, 5).map((r) => refLabel(r, multi)).join(', ')} delivered state "${short(g.responses[0]!.state!)}" to ${target}, but the authorize request(s) waiting for that redirect URI (${uniqueRefs(g.pending).slice(0, 5).map((r) => refLabel(r, multi)).join(', ')}) sent other states.`,
      entries: uniqueRefs([...responses, ...g.pending]),
      tokens: [...new Set(g.responses.flatMap((r) => [r.code, r.idToken, r.accessToken].filter((x): x is string => !!x)))],
      evidence: {
        check: 'state',
        redirectUri: target,
        responses: g.responses.slice(0, 10).map((r) => ({ entry: r.entry, via: r.via, state: short(r.state!) })),
        pendingStates: [...g.states].slice(0, 10).map(short),
        authorizeRequests: uniqueRefs(g.pending).slice(0, 10),
      },
      advice: ADVICE_STATE,
    };
    if (first !== undefined) draft.time = first;
    return draft;
  });
}

interface Pair {
  idToken: string;
  other: string;
  claim: 'at_hash' | 'c_hash';
  at: EntryRef;
}

function hashPairs(ctx: RuleContext): Pair[] {
  const out: Pair[] = [];
  for (const r of ctx.session.authorizeResponses) {
    if (!r.idToken) continue;
    if (r.accessToken) out.push({ idToken: r.idToken, other: r.accessToken, claim: 'at_hash', at: r.entry });
    if (r.code) out.push({ idToken: r.idToken, other: r.code, claim: 'c_hash', at: r.entry });
  }
  for (const req of ctx.session.tokenRequests) {
    const issued = req.issuedTokens.map((id) => ctx.token(id)).filter((t): t is SessionToken => !!t);
    const idt = issued.find((t) => t.kind === 'id');
    const at = issued.find((t) => t.kind === 'access');
    if (idt && at) out.push({ idToken: idt.id, other: at.id, claim: 'at_hash', at: req.entry });
  }
  return out;
}

function hashFindings(ctx: RuleContext): FindingDraft[] {
  const multi = ctx.session.inputs.length > 1;
  const out: FindingDraft[] = [];
  const done = new Set<string>();
  for (const p of hashPairs(ctx)) {
    const key = `${p.idToken}\n${p.claim}`;
    const idt = ctx.token(p.idToken);
    const other = ctx.token(p.other);
    const claimed = idt ? claimString(idt, p.claim) : undefined;
    const alg = idt ? headerString(idt, 'alg') : undefined;
    if (done.has(key) || !idt || !other || !claimed || !alg) continue;
    const expected = leftHalfHash(other.compact, alg);
    if (!expected || expected === claimed) continue;
    done.add(key);
    const what = p.claim === 'at_hash' ? 'access token' : 'authorization code';
    out.push({
      rule: 'oidc-protocol',
      severity: 'error',
      title: `${tokenLabel(idt)}: ${p.claim} does not match the ${what} delivered with it`,
      message: `At ${refLabel(p.at, multi)} the ${tokenLabel(idt)} says ${p.claim} "${claimed}", but the ${what} ${other.id} delivered in the same response hashes to "${expected}" (${alg}, left half, base64url).`,
      entries: [p.at],
      tokens: [idt.id, other.id],
      time: ctx.entry(p.at)?.startedAt ?? idt.issuedAt?.receivedAt ?? 0,
      evidence: { check: p.claim, idToken: idt.id, [p.claim === 'at_hash' ? 'accessToken' : 'code']: other.id, alg, claimed, computed: expected, deliveredAt: p.at, ...(idt.issuedAt ? { issuedTime: iso(idt.issuedAt.receivedAt) } : {}) },
      advice: ADVICE_HASH,
    });
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'oidc-protocol',
    description: 'nonce or state mismatch between authorize request and response / ID token, at_hash or c_hash mismatch',
    defaultSeverity: 'error',
  },
  check: (ctx) => [...nonceFindings(ctx), ...stateFindings(ctx), ...hashFindings(ctx)],
};
