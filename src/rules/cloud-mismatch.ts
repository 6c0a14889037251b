/**
 * cloud-mismatch: a token from one national cloud's authority used at (or
 * requested for) a Microsoft resource of another cloud, or an AADSTS error
 * saying a request crossed clouds. See docs/rules/cloud-mismatch.md.
 */
import type { EntryRef, FindingDraft, Severity } from '../model/index.js';
import { hostOf } from '../extract/index.js';
import { audienceList, cloudOf, type CloudName } from '../jwt/index.js';
import type { Rule, RuleContext } from './types.js';
import { authorityOf, CLOUD_ADVICE, CLOUD_NAMES, CROSS_CLOUD_CODES, serviceCloud } from './support/cloud-facts.js';
import { hasClaims } from './support/credential-uses.js';
import { refLabel, uniqueRefs } from './support/evidence.js';
import { plainRef } from './support/refs.js';
import { capitalize } from './support/text.js';

type Source = 'token-use' | 'audience' | 'token-request' | 'aadsts';

interface Group {
  source: Source;
  authorityCloud: CloudName;
  resourceCloud: CloudName;
  authorityHosts: Set<string>;
  resourceHosts: Set<string>;
  tokens: Set<string>;
  refs: { ref: EntryRef; time: number; failed: boolean }[];
  code?: string;
}

function collect(ctx: RuleContext): Map<string, Group> {
  const groups = new Map<string, Group>();
  const get = (key: string, init: Omit<Group, 'authorityHosts' | 'resourceHosts' | 'tokens' | 'refs'>): Group => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ...init, authorityHosts: new Set(), resourceHosts: new Set(), tokens: new Set(), refs: [] }));
    return g;
  };

  for (const t of ctx.session.tokens) {
    if (!hasClaims(t)) continue;
    const authority = authorityOf(ctx, t);
    if (!authority) continue;
    for (const u of t.uses) {
      if (u.where !== 'authorization') continue;
      const cloud = serviceCloud(u.host);
      if (!cloud || cloud === authority.cloud) continue;
      const g = get(`use|${authority.cloud}|${cloud}`, { source: 'token-use', authorityCloud: authority.cloud, resourceCloud: cloud });
      g.authorityHosts.add(authority.host);
      g.resourceHosts.add(u.host);
      g.tokens.add(t.id);
      g.refs.push({ ref: u, time: u.sentAt, failed: u.status === 401 || u.status === 403 || u.status === 0 });
    }
    for (const aud of audienceList(t.claims.aud)) {
      const cloud = serviceCloud(aud);
      if (!cloud || cloud === authority.cloud || groups.has(`use|${authority.cloud}|${cloud}`)) continue;
      const g = get(`aud|${authority.cloud}|${cloud}`, { source: 'audience', authorityCloud: authority.cloud, resourceCloud: cloud });
      g.authorityHosts.add(authority.host);
      g.resourceHosts.add(hostOf(aud) || aud);
      g.tokens.add(t.id);
      if (t.issuedAt) g.refs.push({ ref: t.issuedAt, time: t.issuedAt.receivedAt, failed: false });
    }
  }

  for (const r of ctx.session.tokenRequests) {
    const authorityCloud = cloudOf(r.host);
    if (authorityCloud === 'unknown') continue;
    const resources = [...(r.scope ?? '').split(/\s+/), r.resource ?? ''].filter((s) => /^https?:\/\//i.test(s));
    for (const res of resources) {
      const cloud = serviceCloud(res);
      if (!cloud || cloud === authorityCloud) continue;
      const code = r.error?.codes[0];
      const g = get(`request|${authorityCloud}|${cloud}`, { source: 'token-request', authorityCloud, resourceCloud: cloud });
      g.authorityHosts.add(r.host);
      g.resourceHosts.add(hostOf(res));
      for (const id of r.issuedTokens) g.tokens.add(id);
      if (code) g.code ??= code;
      g.refs.push({ ref: r.entry, time: r.sentAt, failed: r.status >= 400 || !!r.error });
    }
  }

  for (const e of ctx.session.errors) {
    if (!CROSS_CLOUD_CODES.has(e.code)) continue;
    const authorityCloud = cloudOf(e.host);
    const g = get(`code|${e.code}`, { source: 'aadsts', authorityCloud, resourceCloud: 'unknown', code: e.code });
    g.authorityHosts.add(e.host);
    for (const id of e.tokens) g.tokens.add(id);
    for (const ref of [e.entry, ...e.alsoIn]) g.refs.push({ ref, time: e.time, failed: true });
  }
  return groups;
}

function findingOf(ctx: RuleContext, g: Group): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const failed = g.refs.filter((r) => r.failed);
  const severity: Severity = g.source === 'aadsts' || failed.length > 0 ? 'error' : 'warning';
  const refs = uniqueRefs([...failed, ...g.refs.filter((r) => !r.failed)].map((r) => r.ref));
  const at = refs.slice(0, 5).map((r) => refLabel(r, multi)).join(', ');
  const auth = CLOUD_NAMES[g.authorityCloud];
  const res = CLOUD_NAMES[g.resourceCloud];
  const authorityHosts = [...g.authorityHosts];
  const resourceHosts = [...g.resourceHosts];
  let title: string;
  let message: string;
  switch (g.source) {
    case 'token-use':
      title = `Token from the ${auth} sent to ${resourceHosts.join(', ')} (${res})`;
      message = `Token(s) issued by ${authorityHosts.join(', ')} (${auth}) were sent to ${resourceHosts.join(', ')} (${res}) at ${at}${failed.length ? `; refused at ${failed.map((r) => refLabel(r.ref, multi)).join(', ')}` : ''}.`;
      break;
    case 'audience':
      title = `Token from the ${auth} issued for a ${res} resource`;
      message = `${authorityHosts.join(', ')} (${auth}) issued token(s) for ${resourceHosts.join(', ')} (${res}) at ${at}; that resource only accepts tokens of its own cloud.`;
      break;
    case 'token-request':
      title = `Token requested from the ${auth} for a ${res} resource${g.code ? ` (${g.code})` : ''}`;
      message = `The token request at ${at} went to ${authorityHosts.join(', ')} (${auth}) for ${resourceHosts.join(', ')} (${res})${g.code ? `, answered ${g.code}` : ''}.`;
      break;
    default:
      title = `${g.code}: request crossed national clouds`;
      message = `${authorityHosts.join(', ')} (${auth}) answered ${g.code} at ${at}: the app, tenant or resource lives in another national cloud.`;
  }
  const evidence: Record<string, unknown> = {
    authorityCloud: g.authorityCloud,
    resourceCloud: g.resourceCloud,
    authorityHosts,
    resourceHosts,
    source: g.source,
    entries: refs.map(plainRef),
  };
  if (failed.length) evidence.failedEntries = failed.map((r) => plainRef(r.ref));
  if (g.code) evidence.code = g.code;
  const draft: FindingDraft = {
    rule: 'cloud-mismatch',
    severity,
    title: capitalize(title),
    message: capitalize(message),
    entries: refs,
    tokens: [...g.tokens],
    time: Math.min(...g.refs.map((r) => r.time)),
    evidence,
    advice: CLOUD_ADVICE,
  };
  if (g.code) draft.code = g.code;
  return draft;
}

export const rule: Rule = {
  meta: {
    id: 'cloud-mismatch',
    description: 'The authority of one national cloud and a Microsoft resource of another (token use, audience, token request, or an AADSTS cross-cloud error).',
    defaultSeverity: 'error',
  },
  check(ctx) {
    return [...collect(ctx).values()].filter((g) => g.refs.length > 0).map((g) => findingOf(ctx, g));
  },
};
