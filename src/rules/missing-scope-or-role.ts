/**
 * missing-scope-or-role: an API refused a token for lack of a permission
 * (insufficient_scope, Microsoft.Identity.Web IDW1020x, Graph) and the token
 * indeed lacks the scope/role named — or an app-only token went to an API
 * that serves signed-in users. One finding per (token, API origin). See
 * docs/rules/missing-scope-or-role.md.
 */
import type { EntryRef, FindingDraft, Severity } from '../model/index.js';
import type { SessionToken } from '../extract/index.js';
import { originOf } from '../extract/index.js';
import { audienceList, isAppOnly, rolesOf, scopesOf } from '../jwt/index.js';
import type { Rule, RuleContext } from './types.js';
import { hasClaims, isMicrosoftToken } from './support/credential-uses.js';
import { refLabel, tokenLabel, uniqueRefs } from './support/evidence.js';
import { plainRef } from './support/refs.js';
import { capitalize } from './support/text.js';
import { permissionHint, shortName, type PermissionHint } from './support/permission-hints.js';
import { verdictAt } from './support/server-verdict.js';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

type Case = 'app-only-to-delegated' | 'missing' | 'has-required' | 'no-permissions' | 'unnamed' | 'vague';

interface Group {
  t: SessionToken & { claims: Record<string, unknown> };
  origin: string;
  host: string;
  refs: EntryRef[];
  times: number[];
  status: number;
  hints: PermissionHint[];
  severity: Severity;
  kase: Case;
  delegatedAcceptedAt?: EntryRef;
}

/** Other rules own refusals for time, audience, issuer, signature and claims challenges. */
const OTHER_REASONS = ['expired', 'not-yet-valid', 'audience', 'issuer', 'signature', 'claims'] as const;

function classify(hint: PermissionHint | undefined, appOnly: boolean, scopes: string[], roles: string[], delegatedAccepted: boolean): [Case, Severity] | undefined {
  const has = new Set([...scopes, ...roles].map((s) => s.toLowerCase()));
  if (hint?.strength === 'named') {
    if (hint.kind === 'scope' && appOnly) return ['app-only-to-delegated', 'error'];
    const missing = hint.required.filter((r) => !r.endsWith('.default') && !has.has(shortName(r)));
    return missing.length > 0 ? ['missing', 'error'] : ['has-required', 'warning'];
  }
  if (hint?.strength === 'generic') {
    if (appOnly && (hint.kind === 'scope' || roles.length === 0)) return [roles.length ? 'app-only-to-delegated' : 'no-permissions', 'error'];
    if (scopes.length === 0 && roles.length === 0) return ['no-permissions', 'error'];
    return ['unnamed', 'warning'];
  }
  if (hint?.strength === 'vague') return ['vague', 'info'];
  // A bare 403: only app-only tokens say something by themselves.
  if (appOnly && delegatedAccepted) return ['app-only-to-delegated', 'error'];
  if (appOnly && roles.length === 0) return ['no-permissions', 'warning'];
  return undefined;
}

function collect(ctx: RuleContext): Group[] {
  const groups = new Map<string, Group>();
  const tokens = ctx.session.tokens.filter(hasClaims);
  const originOfUse = (u: { input: number; index: number; host: string }) => originOf(ctx.entry(u)?.request.url ?? '') || `https://${u.host}`;
  // Where delegated tokens (with scp) got through: an API that serves signed-in users.
  const delegatedOk = new Map<string, EntryRef>();
  for (const t of tokens) {
    if (scopesOf(t.claims).length === 0) continue;
    for (const u of t.uses) {
      if (u.where !== 'authorization' || u.status < 200 || u.status >= 300) continue;
      const origin = originOfUse(u);
      if (!delegatedOk.has(origin)) delegatedOk.set(origin, u);
    }
  }
  for (const t of tokens) {
    const appOnly = isAppOnly(t.claims);
    const scopes = scopesOf(t.claims);
    const roles = rolesOf(t.claims);
    for (const u of t.uses) {
      if (u.where !== 'authorization' || (u.status !== 401 && u.status !== 403)) continue;
      const v = verdictAt(ctx, u);
      if (OTHER_REASONS.some((r) => v.reasons.has(r))) continue;
      const hint = permissionHint(v);
      if (!hint && (u.status !== 403 || !isMicrosoftToken(t))) continue;
      const origin = originOfUse(u);
      const judged = classify(hint, appOnly, scopes, roles, delegatedOk.has(origin));
      if (!judged) continue;
      const key = `${t.id}|${origin}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { t, origin, host: u.host, refs: [], times: [], status: u.status, hints: [], severity: judged[1], kase: judged[0] }));
      g.refs.push(u);
      g.times.push(u.sentAt);
      if (hint) g.hints.push(hint);
      if (SEVERITY_RANK[judged[1]] > SEVERITY_RANK[g.severity]) [g.kase, g.severity] = judged;
      const ok = delegatedOk.get(origin);
      if (judged[0] === 'app-only-to-delegated' && ok) g.delegatedAcceptedAt = ok;
    }
  }
  return [...groups.values()];
}

const ADVICE: Record<Case, string> = {
  'app-only-to-delegated':
    'This API serves signed-in users and checks delegated scopes (scp), which an app-only (client credentials) token never has. Call it with a user token (authorization code flow, or on-behalf-of from your own API); if app-only access is intended, define an app role on the API registration, grant it to the client as an application permission with admin consent, and let the API accept that role.',
  missing:
    'Request the permission the API names: add the scope to the scopes of the MSAL call and to the client\'s API permissions (with user or admin consent); for an app role, assign it (Enterprise applications → Users and groups for users, application permission + admin consent for apps). Then get a new token: old tokens keep their old scp/roles.',
  'has-required':
    'The token already carries what the API asked for: check the API\'s permission check (full scope URI vs short name, scp vs roles, case, the accepted-scopes configuration).',
  'no-permissions':
    'The token carries no scp and no roles: for an app-only token grant the client an application permission (app role) on this API and admin consent; for a user token request a delegated scope of this API.',
  unnamed: 'The API says the permission is insufficient without naming it: compare the token\'s scp/roles with the permissions the API requires (its documentation or authorization policy).',
  vague: 'The API (Microsoft Graph) refused for lack of privileges without naming them: compare the token\'s scp/roles with the permissions the Graph call documents, grant and consent the missing one, then get a new token.',
};

function findingOf(ctx: RuleContext, g: Group): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const scopes = scopesOf(g.t.claims);
  const roles = rolesOf(g.t.claims);
  const tokenType = isAppOnly(g.t.claims) ? 'app-only' : 'delegated';
  const required = [...new Set(g.hints.flatMap((h) => h.required))];
  const has = new Set([...scopes, ...roles].map((s) => s.toLowerCase()));
  const missing = required.filter((r) => !r.endsWith('.default') && !has.has(shortName(r)));
  const kind = g.hints.find((h) => h.kind !== 'unknown')?.kind ?? 'unknown';
  const at = g.refs.slice(0, 5).map((r) => refLabel(r, multi)).join(', ');
  const perms = `scp: ${scopes.join(' ') || 'none'}; roles: ${roles.join(' ') || 'none'}`;
  const titles: Record<Case, string> = {
    'app-only-to-delegated': `App-only ${tokenLabel(g.t)} refused by ${g.host}, which needs a delegated scope`,
    missing: `${tokenLabel(g.t)} lacks ${kind === 'role' ? 'role' : 'scope'} ${missing.join(', ')} required by ${g.host}`,
    'has-required': `${g.host} refused ${tokenLabel(g.t)} for ${required.join(', ')}, which it carries`,
    'no-permissions': `${tokenLabel(g.t)} carries no scopes or roles, refused by ${g.host}`,
    unnamed: `${g.host} says ${tokenLabel(g.t)} has insufficient permissions`,
    vague: `${g.host} refused ${tokenLabel(g.t)}: insufficient privileges`,
  };
  let message = `${g.host} refused ${tokenLabel(g.t)} (${tokenType}, ${perms}) with ${g.status} at ${at}`;
  message += required.length ? `; it requires ${required.join(', ')}${missing.length ? `, missing ${missing.join(', ')}` : ''}.` : '.';
  if (g.delegatedAcceptedAt) message += ` The same API accepted a delegated token at ${refLabel(g.delegatedAcceptedAt, multi)}.`;
  const evidence: Record<string, unknown> = {
    required,
    requiredKind: kind,
    missing,
    tokenScopes: scopes,
    tokenRoles: roles,
    tokenType,
    aud: audienceList(g.t.claims.aud),
    api: g.host,
    status: g.status,
    hint: [...new Set(g.hints.map((h) => h.source))],
    refusedEntries: g.refs.map(plainRef),
  };
  if (typeof g.t.claims.idtyp === 'string') evidence.idtyp = g.t.claims.idtyp;
  if (g.delegatedAcceptedAt) evidence.delegatedAcceptedAt = plainRef(g.delegatedAcceptedAt);
  return {
    rule: 'missing-scope-or-role',
    severity: g.severity,
    title: capitalize(titles[g.kase]),
    message: capitalize(message),
    entries: uniqueRefs([...g.refs, ...(g.delegatedAcceptedAt ? [g.delegatedAcceptedAt] : [])]),
    tokens: [g.t.id],
    time: Math.min(...g.times),
    evidence,
    advice: ADVICE[g.kase],
  };
}

export const rule: Rule = {
  meta: {
    id: 'missing-scope-or-role',
    description: 'An API refused a token for a scope or role it lacks (insufficient_scope, IDW1020x, Graph), or an app-only token went to a delegated API.',
    defaultSeverity: 'error',
  },
  check(ctx) {
    return collect(ctx).map((g) => findingOf(ctx, g));
  },
};
