/**
 * issuer-mismatch: a token's issuer (endpoint version, tenant, B2C/CIAM
 * form) is not the one the API, --expect-iss or --expect-tenant, or the
 * authority it was requested from expects. See docs/rules/issuer-mismatch.md.
 */
import type { EntryRef, FindingDraft, Severity } from '../model/index.js';
import type { SessionToken } from '../extract/index.js';
import { originOf, refKey } from '../extract/index.js';
import { audienceList, isGraphAudience, isGuid, issuerKind } from '../jwt/index.js';
import type { Rule, RuleContext } from './types.js';
import { resourceOfAudience } from './support/audience-facts.js';
import { hasClaims, isMicrosoftToken } from './support/credential-uses.js';
import { refLabel, tokenLabel, uniqueRefs } from './support/evidence.js';
import { plainRef } from './support/refs.js';
import { capitalize } from './support/text.js';
import { adviceFor, issuerGap, issuerStatement, MSA_TENANT, sameIssuer, tenantOfToken } from './support/issuer-facts.js';
import { verdictAt } from './support/server-verdict.js';

type Source = 'api-error' | 'expect-iss' | 'expect-tenant' | 'authority-tenant';

interface Group {
  source: Source;
  iss?: string;
  tid?: string;
  host?: string;
  expected: Set<string>;
  expectedTenant?: string;
  tokens: Set<string>;
  claims?: Record<string, unknown>;
  refused: { ref: EntryRef; status: number; time: number }[];
  other: { ref: EntryRef; time: number }[];
  code?: string;
  notConfigured?: boolean;
}

function bearerUses(t: SessionToken) {
  return t.uses.filter((u) => u.where === 'authorization');
}

function collect(ctx: RuleContext): Map<string, Group> {
  const groups = new Map<string, Group>();
  const get = (key: string, init: () => Group): Group => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = init()));
    return g;
  };
  const grouped = new Set<string>();
  const tokens = ctx.session.tokens.filter(hasClaims);

  for (const t of tokens) {
    const iss = typeof t.claims.iss === 'string' ? t.claims.iss : undefined;
    for (const u of bearerUses(t)) {
      const v = verdictAt(ctx, u);
      const stated = v.refused ? issuerStatement(v) : undefined;
      if (!stated) continue;
      const origin = originOf(ctx.entry(u)?.request.url ?? '') || u.host;
      const tokenIss = iss ?? stated.issuer;
      const g = get(`api|${origin}|${tokenIss ?? ''}`, () => ({ source: 'api-error', host: u.host, expected: new Set(), tokens: new Set(), refused: [], other: [] }));
      if (tokenIss) g.iss = tokenIss;
      g.claims ??= t.claims;
      g.tokens.add(t.id);
      for (const e of stated.valid) g.expected.add(e);
      if (stated.code) g.code ??= stated.code;
      if (stated.notConfigured) g.notConfigured = true;
      g.refused.push({ ref: u, status: v.status, time: u.sentAt });
      grouped.add(refKey(u));
    }
  }
  for (const occ of ctx.session.errors) {
    if ((occ.code !== 'IDX10205' && occ.code !== 'IDX10204') || grouped.has(refKey(occ.entry))) continue;
    const g = get(`api|${occ.host}|${occ.details.issuer ?? ''}`, () => ({ source: 'api-error', host: occ.host, expected: new Set(), tokens: new Set(), refused: [], other: [] }));
    if (occ.details.issuer) g.iss = occ.details.issuer;
    for (const e of occ.details.validIssuers ?? []) g.expected.add(e);
    for (const id of occ.tokens) g.tokens.add(id);
    g.code ??= occ.code;
    if (occ.code === 'IDX10204') g.notConfigured = true;
    g.refused.push({ ref: occ.entry, status: occ.status, time: occ.time });
  }

  const expectTenant = ctx.settings.expectTenant?.toLowerCase();
  if (expectTenant && isGuid(expectTenant)) {
    for (const t of tokens) {
      if (!isMicrosoftToken(t) || (t.kind !== 'access' && t.kind !== 'id')) continue;
      const tid = tenantOfToken(t.claims);
      if (!tid || tid === expectTenant) continue;
      const g = get(`tenant|${tid}`, () => ({ source: 'expect-tenant', tid, expectedTenant: expectTenant, expected: new Set(), tokens: new Set(), refused: [], other: [] }));
      addTokenRefs(g, t);
    }
  }

  const expectIss = ctx.settings.expectIssuers;
  if (expectIss.length > 0) {
    for (const t of tokens) {
      const iss = typeof t.claims.iss === 'string' ? t.claims.iss : undefined;
      const aud = audienceList(t.claims.aud);
      if (t.kind !== 'access' || !iss || bearerUses(t).length === 0 || expectIss.some((e) => sameIssuer(e, iss))) continue;
      if (isGraphAudience(aud) || aud.some((a) => resourceOfAudience(a))) continue;
      const g = get(`iss|${iss.toLowerCase()}`, () => ({ source: 'expect-iss', iss, expected: new Set(expectIss), tokens: new Set(), refused: [], other: [] }));
      g.claims ??= t.claims;
      addTokenRefs(g, t);
    }
  }

  for (const r of ctx.session.tokenRequests) {
    const tenant = r.tenant?.toLowerCase();
    if (!tenant || !isGuid(tenant)) continue;
    for (const id of r.issuedTokens) {
      const t = ctx.token(id);
      if (!t || !hasClaims(t) || !isMicrosoftToken(t)) continue;
      const tid = tenantOfToken(t.claims);
      if (!tid || tid === tenant) continue;
      const g = get(`authority|${refKey(r.entry)}|${tid}`, () => ({ source: 'authority-tenant', tid, expectedTenant: tenant, host: r.host, expected: new Set(), tokens: new Set(), refused: [], other: [{ ref: r.entry, time: r.sentAt }] }));
      g.iss ??= typeof t.claims.iss === 'string' ? t.claims.iss : undefined;
      g.tokens.add(t.id);
    }
  }
  return groups;
}

function addTokenRefs(g: Group, t: SessionToken & { claims: Record<string, unknown> }): void {
  g.tokens.add(t.id);
  g.iss ??= typeof t.claims.iss === 'string' ? t.claims.iss : undefined;
  if (t.issuedAt) g.other.push({ ref: t.issuedAt, time: t.issuedAt.receivedAt });
  for (const u of bearerUses(t)) {
    if (u.status === 401 || u.status === 403) g.refused.push({ ref: u, status: u.status, time: u.sentAt });
    else g.other.push({ ref: u, time: u.sentAt });
  }
}

function findingOf(ctx: RuleContext, g: Group): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const expected = [...g.expected];
  const gap = g.iss && expected.length ? issuerGap(g.iss, expected, g.claims) : undefined;
  const severity: Severity = g.source === 'api-error' || g.refused.length > 0 ? 'error' : 'warning';
  const refs = uniqueRefs([...g.refused.map((r) => r.ref), ...g.other.map((o) => o.ref)]);
  const first = g.tokens.size === 1 ? ctx.token([...g.tokens][0]!) : undefined;
  const who = first ? tokenLabel(first) : g.tokens.size ? `${g.tokens.size} tokens` : 'A token';
  const at = refs.slice(0, 5).map((r) => refLabel(r, multi)).join(', ');
  let title: string;
  let message: string;
  if (g.source === 'api-error') {
    title = `${who} refused by ${g.host}: issuer ${g.iss ?? 'not shown'}${gap ? ` (${gap.kind === 'version' ? 'v1/v2 endpoint' : gap.kind})` : ''}`;
    message = g.notConfigured
      ? `${g.host} could not validate the issuer at ${at} (${g.code}): it has no ValidIssuer(s) configured.`
      : `${g.host} refused ${who.toLowerCase().startsWith('a ') ? 'a token' : who} at ${at} (${g.refused[0]?.status ?? 401}${g.code ? `, ${g.code}` : ''}): issuer ${g.iss ?? 'not shown'}${gap ? `; ${gap.text}` : expected.length ? `; it accepts ${expected.join(', ')}` : ''}.`;
  } else if (g.source === 'expect-tenant' || g.source === 'authority-tenant') {
    const personal = g.tid === MSA_TENANT ? ' (the Microsoft personal-account tenant)' : '';
    const against = g.source === 'expect-tenant' ? `--expect-tenant ${g.expectedTenant}` : `the tenant in the authority URL it was requested from (${g.expectedTenant})`;
    title = `${who} from tenant ${g.tid}${personal}, expected ${g.expectedTenant}`;
    message = `${who} at ${at} ${g.tokens.size > 1 ? 'were' : 'was'} issued by tenant ${g.tid}${personal}, not ${against}.${g.refused.length ? ` Refused at ${g.refused.map((r) => refLabel(r.ref, multi)).join(', ')}.` : ''}`;
  } else {
    title = `${who} issued by ${g.iss}, expected ${expected.join(' or ')}`;
    message = `${who} sent at ${at} ${g.tokens.size > 1 ? 'were' : 'was'} issued by ${g.iss}; --expect-iss says ${expected.join(' or ')}${gap ? ` (${gap.text})` : ''}.`;
  }
  const evidence: Record<string, unknown> = {
    iss: g.iss ?? null,
    expectedIssuers: expected,
    issuerKind: g.iss ? issuerKind(g.iss, g.claims) : null,
    expectedIssuerKinds: [...new Set(expected.map((e) => issuerKind(e)))],
    tid: g.tid ?? (g.claims ? tenantOfToken(g.claims) ?? null : null),
    source: g.source,
    refusedEntries: g.refused.map((r) => plainRef(r.ref)),
  };
  if (g.expectedTenant) evidence.expectedTenant = g.expectedTenant;
  if (g.host) evidence.api = g.host;
  if (gap) evidence.difference = gap.kind;
  if (g.code) evidence.code = g.code;
  const times = [...g.refused, ...g.other].map((r) => r.time);
  const draft: FindingDraft = {
    rule: 'issuer-mismatch',
    severity,
    title: capitalize(title),
    message: capitalize(message),
    entries: refs,
    tokens: [...g.tokens],
    evidence,
    advice: g.source === 'expect-tenant' || g.source === 'authority-tenant' ? adviceFor({ kind: 'tenant', text: '' }, false) : adviceFor(gap, !!g.notConfigured),
  };
  if (times.length) draft.time = Math.min(...times);
  if (g.code) draft.code = g.code;
  return draft;
}

export const rule: Rule = {
  meta: {
    id: 'issuer-mismatch',
    description: "A token's issuer (v1/v2 endpoint, tenant, B2C/CIAM form) is not the one the API, --expect-iss/--expect-tenant or the authority expects.",
    defaultSeverity: 'error',
  },
  check(ctx) {
    return [...collect(ctx).values()].map((g) => findingOf(ctx, g));
  },
};
