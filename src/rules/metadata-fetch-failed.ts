/**
 * metadata-fetch-failed: an OpenID configuration or JWKS request in the trace
 * failed (status ≥ 400, 0, network error), or an API reported that it could
 * not fetch its own metadata (IDX20803 family).
 */
import type { EntryRef, FindingDraft } from '../model/index.js';
import type { MetadataFetch, Session, SessionToken } from '../extract/index.js';
import { hostOf, keyUriServesIssuer } from '../extract/index.js';
import { isMicrosoftAuthority } from '../jwt/index.js';
import { claimString, iso, refLabel, uniqueRefs } from './support/evidence.js';
import { keyRefusals } from './support/key-refusals.js';
import { jwksUriKey } from './support/key-sets.js';
import type { Rule, RuleContext } from './types.js';

/** Microsoft.IdentityModel codes for "could not get the metadata / JWKS document". */
export const API_METADATA_CODES: ReadonlySet<string> = new Set(['IDX20803', 'IDX20804', 'IDX20806', 'IDX20807', 'IDX20808', 'IDX20809']);

const ADVICE =
  'Make the metadata reachable from where it is fetched: check the URL (tenant, v2.0 segment, B2C policy), DNS, proxy and TLS inspection, firewall rules to login.microsoftonline.com (or the B2C/CIAM host), and CORS for browser apps. Until it succeeds, new signing keys are missed and tokens are refused.';
const ADVICE_API =
  "The API could not download its OpenID configuration or key set, so it cannot validate tokens (or keeps stale keys). Check its Authority/MetadataAddress, outbound network access (proxy, firewall, DNS, TLS) from the API host to the identity provider, and the API's logs around this time.";

function failed(f: MetadataFetch): boolean {
  return f.status === 0 || f.status >= 400 || f.error !== undefined;
}

/** Only identity metadata: well-known paths, Entra authorities, or a jwks_uri an openid-configuration named. */
function isIdentityMetadata(session: Session, f: MetadataFetch): boolean {
  if (isMicrosoftAuthority(hostOf(f.uri))) return true;
  let path = '';
  try {
    path = new URL(f.uri).pathname.toLowerCase();
  } catch {
    return false;
  }
  if (path.includes('/.well-known/') || path.includes('/discovery/')) return true;
  const key = jwksUriKey(f.uri);
  return session.oidcMetadata.some((m) => m.jwksUri !== undefined && jwksUriKey(m.jwksUri) === key);
}

/** Key refusals after `after` for tokens whose issuer this metadata URL serves. */
function refusalsServedBy(ctx: RuleContext, uri: string, after: number): { entry: EntryRef; code?: string; time: number }[] {
  const out: { entry: EntryRef; code?: string; time: number }[] = [];
  for (const r of keyRefusals(ctx.session, ctx.token)) {
    if (r.time < after) continue;
    const tokens = r.tokens.map((id) => ctx.token(id)).filter((t): t is SessionToken => !!t);
    if (tokens.some((t) => keyUriServesIssuer(uri, claimString(t, 'iss') ?? ''))) out.push({ entry: r.entry, time: r.time, ...(r.code ? { code: r.code } : {}) });
  }
  return out;
}

function fetchFinding(ctx: RuleContext, uri: string, fails: MetadataFetch[], all: MetadataFetch[]): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const first = fails[0]!;
  const later = all.find((f) => !failed(f) && f.time > first.time && f.status >= 200 && f.status < 300);
  const refused = refusalsServedBy(ctx, uri, first.time);
  const kind = first.kind === 'jwks' ? 'key set (JWKS)' : 'OpenID configuration';
  const outcome = (f: MetadataFetch) => (f.error ? `${f.status || 'no response'}, ${f.error}` : `${f.status || 'no response'}`);
  const refusedText = refused.length ? ` Tokens of that issuer were then refused for unknown keys at ${refused.slice(0, 5).map((r) => refLabel(r.entry, multi)).join(', ')}.` : '';
  const laterText = later ? ` A later fetch at ${refLabel(later.entry, multi)} succeeded.` : '';
  return {
    rule: 'metadata-fetch-failed',
    severity: refused.length ? 'error' : 'warning',
    title: `Fetching the ${kind} ${uri} failed (${outcome(first)})`,
    message: `${fails.length} request(s) for ${uri} failed: ${fails.slice(0, 5).map((f) => `${refLabel(f.entry, multi)} (${outcome(f)})`).join(', ')}.${laterText}${refusedText}`,
    entries: uniqueRefs([...fails.map((f) => f.entry), ...refused.map((r) => r.entry), ...(later ? [later.entry] : [])]),
    tokens: [],
    time: first.time,
    evidence: {
      uri,
      kind: first.kind,
      failures: fails.slice(0, 20).map((f) => ({ entry: f.entry, time: iso(f.time), status: f.status, ...(f.error ? { error: f.error.slice(0, 200) } : {}) })),
      ...(later ? { succeededLater: { entry: later.entry, time: iso(later.time) } } : {}),
      ...(refused.length ? { keyRefusalsAfter: refused.slice(0, 20).map((r) => ({ entry: r.entry, time: iso(r.time), ...(r.code ? { code: r.code } : {}) })) } : {}),
    },
    advice: ADVICE,
  };
}

function apiFindings(ctx: RuleContext): FindingDraft[] {
  const multi = ctx.session.inputs.length > 1;
  const groups = new Map<string, Session['errors']>();
  for (const e of ctx.session.errors) {
    if (!API_METADATA_CODES.has(e.code)) continue;
    const k = `${e.host}\n${e.code}`;
    const list = groups.get(k) ?? [];
    list.push(e);
    groups.set(k, list);
  }
  return [...groups.values()].map((errs) => {
    const first = errs[0]!;
    const address = errs.map((e) => /from:\s*'([^']+)'/i.exec(e.message ?? '')?.[1]).find((a) => a);
    return {
      rule: 'metadata-fetch-failed',
      severity: 'error' as const,
      title: `${first.host} could not fetch its identity metadata (${first.code})`,
      message: `${first.host} answered ${errs.slice(0, 5).map((e) => `${refLabel(e.entry, multi)} (${e.status})`).join(', ')} with ${first.code}: it failed to download its OpenID configuration or key set${address ? ` from ${address}` : ''}.`,
      entries: uniqueRefs(errs.map((e) => e.entry)),
      tokens: [...new Set(errs.flatMap((e) => e.tokens))],
      time: first.time,
      code: first.code,
      evidence: { api: first.host, code: first.code, ...(address ? { metadataAddress: address } : {}), responses: errs.slice(0, 20).map((e) => ({ entry: e.entry, time: iso(e.time), status: e.status })) },
      advice: ADVICE_API,
    };
  });
}

export const rule: Rule = {
  meta: {
    id: 'metadata-fetch-failed',
    description: 'An OpenID configuration or JWKS request failed, or an API reported it could not fetch its metadata',
    defaultSeverity: 'warning',
  },
  check(ctx) {
    const byUri = new Map<string, MetadataFetch[]>();
    for (const f of ctx.session.metadataFetches) {
      if (!isIdentityMetadata(ctx.session, f)) continue;
      const k = jwksUriKey(f.uri);
      const list = byUri.get(k) ?? [];
      list.push(f);
      byUri.set(k, list);
    }
    const out: FindingDraft[] = [];
    for (const [uri, all] of byUri) {
      all.sort((a, b) => a.time - b.time);
      const fails = all.filter(failed);
      if (fails.length) out.push(fetchFinding(ctx, uri, fails, all));
    }
    return [...out, ...apiFindings(ctx)];
  },
};
