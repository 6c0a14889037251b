/**
 * Gathers the evidence of audience problems, grouped by (API origin, token
 * audience): refusals where the API named the audience, tokens for one
 * well-known Microsoft resource sent to another host, bare 401s that a token
 * for another audience then got past, tokens accepted by one API and refused
 * by another, and --expect-aud differences.
 */
import type { EntryRef, TokenUse } from '../../model/index.js';
import type { SessionToken } from '../../extract/index.js';
import { refKey } from '../../extract/index.js';
import { audienceList, epochClaim, isGraphAudience, normalizeAudience, sameAudience } from '../../jwt/index.js';
import type { RuleContext } from '../types.js';
import { audienceStatement, resourceOfAudience, resourceOfHost, wrongResource } from './audience-facts.js';
import { hasClaims } from './credential-uses.js';
import { explainedEarlier } from './lifetime.js';
import { verdictAt, type ServerVerdict } from './server-verdict.js';
import { originOfRef } from './session-index.js';

export type AudienceSource = 'api-error' | 'wrong-resource' | 'refused-then-accepted' | 'accepted-elsewhere' | 'expect-aud';

export interface JudgedUse {
  use: TokenUse;
  verdict: ServerVerdict;
  token?: string;
}

export interface AudienceGroup {
  origin: string;
  host: string;
  aud: string[];
  tokens: Set<string>;
  refused: JudgedUse[];
  accepted: JudgedUse[];
  expected: Set<string>;
  sources: Set<AudienceSource>;
  code?: string;
  wrongResource?: { tokenFor: string; sentTo: string };
  acceptedElsewhere?: { host: string; ref: EntryRef };
  fixedAt?: { ref: EntryRef; token: string; aud: string[]; time: number };
  /** Entries already in `refused` or `accepted`. */
  seen: Set<string>;
}

interface UseFacts extends JudgedUse {
  t: SessionToken;
  aud: string[];
  origin: string;
}

function outOfTime(t: SessionToken, use: TokenUse): boolean {
  const at = use.sentAt / 1000;
  const exp = epochClaim(t.claims, 'exp');
  const nbf = epochClaim(t.claims, 'nbf');
  return (exp !== undefined && at > exp) || (nbf !== undefined && nbf > at + 5);
}

export function collectAudienceUses(ctx: RuleContext): Map<string, AudienceGroup> {
  const groups = new Map<string, AudienceGroup>();
  const grouped = new Set<string>();
  const groupOf = (origin: string, host: string, aud: string[]): AudienceGroup => {
    const key = `${origin}|${aud.map(normalizeAudience).sort().join(' ')}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { origin, host, aud, tokens: new Set(), refused: [], accepted: [], expected: new Set(), sources: new Set(), seen: new Set() }));
    return g;
  };
  const addRefused = (g: AudienceGroup, u: JudgedUse, source: AudienceSource) => {
    const k = refKey(u.use);
    if (!g.seen.has(k)) {
      g.seen.add(k);
      g.refused.push(u);
    }
    grouped.add(k);
    if (u.token) g.tokens.add(u.token);
    g.sources.add(source);
  };

  // Every bearer use of a decoded token, with what the server said.
  const uses: UseFacts[] = [];
  for (const t of ctx.session.tokens) {
    if (!hasClaims(t)) continue;
    const aud = audienceList(t.claims.aud);
    for (const use of t.uses) {
      if (use.where !== 'authorization') continue;
      uses.push({ use, verdict: verdictAt(ctx, use), token: t.id, t, aud, origin: originOfRef(ctx, use) });
    }
  }
  uses.sort((a, b) => a.use.sentAt - b.use.sentAt);
  const acceptedAt = new Map<string, UseFacts>();
  const acceptedBy = new Set<string>();
  const acceptedByOrigin = new Map<string, UseFacts[]>();
  for (const u of uses) {
    if (!u.verdict.accepted) continue;
    acceptedBy.add(`${u.origin}|${u.t.id}`);
    if (!acceptedAt.has(u.t.id)) acceptedAt.set(u.t.id, u);
    let list = acceptedByOrigin.get(u.origin);
    if (!list) acceptedByOrigin.set(u.origin, (list = []));
    list.push(u);
  }
  /** The first later request to `u`'s origin accepted with a token for another audience. */
  const fixFor = (u: UseFacts): UseFacts | undefined => {
    const list = acceptedByOrigin.get(u.origin) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.use.sentAt <= u.use.sentAt) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length; i++) {
      const o = list[i]!;
      if (o.aud.length > 0 && !o.aud.some((a) => u.aud.some((b) => sameAudience(a, b)))) return o;
    }
    return undefined;
  };

  for (const u of uses) {
    if (!u.verdict.refused) continue;
    const stated = audienceStatement(u.verdict);
    if (stated) {
      const g = groupOf(u.origin, u.use.host, u.aud.length ? u.aud : stated.audiences);
      addRefused(g, u, 'api-error');
      for (const v of stated.valid) g.expected.add(v);
      if (stated.code && !g.code) g.code = stated.code;
      continue;
    }
    const wr = wrongResource(u.aud, u.use.host);
    if (wr) {
      const g = groupOf(u.origin, u.use.host, u.aud);
      addRefused(g, u, 'wrong-resource');
      g.wrongResource = wr;
      const idx = u.verdict.codes.filter((c) => c.kind === 'idx');
      if (idx.length === 1 && !g.code) g.code = idx[0]!.code;
      continue;
    }
    if (u.verdict.status !== 401 || u.verdict.reasons.size > 0 || explainedEarlier(ctx, u.use) || outOfTime(u.t, u.use)) continue;
    if (acceptedBy.has(`${u.origin}|${u.t.id}`)) continue;
    const fix = fixFor(u);
    if (fix) {
      const g = groupOf(u.origin, u.use.host, u.aud);
      addRefused(g, u, 'refused-then-accepted');
      for (const a of fix.aud) g.expected.add(a);
      continue;
    }
    const elsewhere = acceptedAt.get(u.t.id);
    if (elsewhere && elsewhere.origin !== u.origin) {
      const g = groupOf(u.origin, u.use.host, u.aud);
      addRefused(g, u, 'accepted-elsewhere');
      g.acceptedElsewhere = { host: elsewhere.use.host, ref: { input: elsewhere.use.input, index: elsewhere.use.index } };
    }
  }

  // The API named an audience problem for a request whose token could not be decoded (or was not captured).
  for (const occ of ctx.session.errors) {
    if (!/^IDX102(14|08|06|07|31)$/.test(occ.code) || grouped.has(refKey(occ.entry))) continue;
    const origin = originOfRef(ctx, { ...occ.entry, host: occ.host });
    const use: TokenUse = { input: occ.entry.input, index: occ.entry.index, where: 'authorization', status: occ.status, host: occ.host, sentAt: occ.time };
    const g = groupOf(origin, occ.host, occ.details.audiences ?? []);
    addRefused(g, { use, verdict: verdictAt(ctx, occ.entry) }, 'api-error');
    for (const v of occ.details.validAudiences ?? []) g.expected.add(v);
    for (const t of occ.tokens) g.tokens.add(t);
    if (!g.code) g.code = occ.code;
  }

  addExpectedAudienceUses(ctx, uses, groupOf, grouped);
  return groups;
}

/** --expect-aud: access tokens whose audience is none of the expected ones (a Microsoft resource token used at its own host is left alone). */
function addExpectedAudienceUses(
  ctx: RuleContext,
  uses: UseFacts[],
  groupOf: (origin: string, host: string, aud: string[]) => AudienceGroup,
  grouped: Set<string>,
): void {
  const expected = ctx.settings.expectAudiences;
  if (expected.length === 0) return;
  // Per token: is its audience one of the expected ones, or Graph's (never judged against --expect-aud)?
  const exempt = new Map<string, boolean>();
  for (const u of uses) {
    if (u.t.kind !== 'access' || u.aud.length === 0) continue;
    let skip = exempt.get(u.t.id);
    if (skip === undefined) {
      skip = u.aud.some((a) => expected.some((e) => sameAudience(a, e))) || isGraphAudience(u.aud);
      exempt.set(u.t.id, skip);
    }
    if (skip) continue;
    const resource = u.aud.map(resourceOfAudience).find((r) => r !== undefined);
    if (resource !== undefined && resource === resourceOfHost(u.use.host)) continue;
    const g = groupOf(u.origin, u.use.host, u.aud);
    g.sources.add('expect-aud');
    for (const e of expected) g.expected.add(e);
    g.tokens.add(u.t.id);
    const k = refKey(u.use);
    if (g.seen.has(k)) continue;
    g.seen.add(k);
    if (u.verdict.refused) {
      g.refused.push(u);
      grouped.add(k);
    } else g.accepted.push(u);
  }
}
