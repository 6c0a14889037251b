/**
 * signing-key-not-found: a token's kid is in no key set captured for its
 * issuer, or an API refused a token because it had no key for its kid and no
 * rollover (signing-key-rotated) explains it.
 */
import type { EntryRef, FindingDraft } from '../model/index.js';
import type { JwksSnapshot, SessionToken } from '../extract/index.js';
import { claimString, iso, refLabel, sameRef, tokenLabel, uniqueRefs } from './support/evidence.js';
import { keyRefusals, tokenKid, type KeyRefusal } from './support/key-refusals.js';
import { holdsKid, snapshotEvidence, snapshotsForIssuer } from './support/key-sets.js';
import type { Rule, RuleContext } from './types.js';

interface Group {
  kid: string;
  iss: string;
  tokens: SessionToken[];
  refusals: KeyRefusal[];
}

const ADVICE_REFUSED =
  "The API has no key with this kid. Compare the token's issuer with the authority/metadata address the API is configured with (tenant, cloud, v1/v2, B2C policy); if the app registration uses its own signing key (claims mapping), the API must load metadata with ?appid=<client id>. Never accept tokens whose key cannot be found.";
const ADVICE_APP_KEYS =
  "This kid is published only in the app-specific key set (jwks_uri with ?appid=). The API must read the issuer's metadata with ?appid=<the app's client id> (for Microsoft.Identity.Web / JwtBearer: set MetadataAddress to the openid-configuration URL with ?appid=...).";
const ADVICE_OURS =
  'The token names a key its issuer did not publish in the key sets captured here. If the trace was captured long before or after the token was issued, capture the JWKS again or pass the current one with --jwks; otherwise the token was signed by another tenant, cloud or policy than its iss says, or was forged.';

function keyOf(kid: string, iss: string): string {
  return `${kid}\n${iss}`;
}

function coveredByRollover(previous: readonly FindingDraft[]): { entries: EntryRef[]; tokens: Set<string> } {
  const rotated = previous.filter((f) => f.rule === 'signing-key-rotated' && f.severity === 'error');
  return { entries: rotated.flatMap((f) => f.entries), tokens: new Set(rotated.flatMap((f) => f.tokens)) };
}

function collect(ctx: RuleContext): Group[] {
  const covered = coveredByRollover(ctx.previous);
  const groups = new Map<string, Group>();
  const groupFor = (kid: string, iss: string): Group => {
    const k = keyOf(kid, iss);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { kid, iss, tokens: [], refusals: [] }));
    return g;
  };
  for (const r of keyRefusals(ctx.session, ctx.token)) {
    if (covered.entries.some((e) => sameRef(e, r.entry))) continue;
    for (const id of r.tokens) {
      const t = ctx.token(id);
      // Graph tokens sent to another API are an audience problem, not a key problem.
      if (!t || t.header?.nonce !== undefined) continue;
      const g = groupFor(tokenKid(t) ?? '(none)', claimString(t, 'iss') ?? '');
      if (!g.tokens.includes(t)) g.tokens.push(t);
      if (!g.refusals.includes(r)) g.refusals.push(r);
    }
  }
  for (const t of ctx.session.tokens) {
    if (t.signature !== 'key-not-found' || covered.tokens.has(t.id)) continue;
    const g = groupFor(tokenKid(t) ?? '(none)', claimString(t, 'iss') ?? '');
    if (!g.tokens.includes(t)) g.tokens.push(t);
  }
  return [...groups.values()];
}

function firstSeen(t: SessionToken): { ref: EntryRef; time: number } | undefined {
  const u = t.uses[0];
  if (u) return { ref: { input: u.input, index: u.index }, time: u.sentAt };
  return t.issuedAt ? { ref: { input: t.issuedAt.input, index: t.issuedAt.index }, time: t.issuedAt.receivedAt } : undefined;
}

function finding(ctx: RuleContext, g: Group): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const refusals = [...g.refusals].sort((a, b) => a.time - b.time);
  const searched: JwksSnapshot[] = g.iss ? snapshotsForIssuer(ctx.session.jwks, ctx.session.oidcMetadata, g.iss) : [];
  const appOnly = ctx.session.jwks.filter((s) => s.appId && holdsKid(s, g.kid));
  const seen = g.tokens.map(firstSeen).filter((x): x is { ref: EntryRef; time: number } => !!x);
  const times = [...refusals.map((r) => r.time), ...seen.map((s) => s.time)];
  const code = refusals.find((r) => r.code)?.code;
  const label = g.tokens.length === 1 ? tokenLabel(g.tokens[0]!) : `${g.tokens.length} tokens`;
  const searchedText = searched.length
    ? `the ${searched.length} key set(s) captured for ${g.iss} (${searched.slice(0, 3).map((s) => (s.entry === 'cli' ? '--jwks' : refLabel(s.entry, multi))).join(', ')}) do not publish it`
    : `no key set for ${g.iss || 'its issuer'} was captured, so it cannot be checked here whether the issuer publishes it`;
  let message: string;
  if (refusals.length) {
    const hosts = [...new Set(refusals.map((r) => r.host))].join(', ');
    message = `${hosts} refused ${label} at ${refusals.slice(0, 5).map((r) => refLabel(r.entry, multi)).join(', ')}${code ? ` with ${code}` : ''}: it has no key with kid ${g.kid}; ${appOnly.length ? `the kid is published only in the app-specific key set at ${appOnly[0]!.entry === 'cli' ? '--jwks' : refLabel(appOnly[0]!.entry, multi)}` : searchedText}.`;
  } else {
    message = `kid ${g.kid} of ${label} is not in any key set captured for its issuer: ${searchedText}.`;
  }
  const evidence: Record<string, unknown> = { kid: g.kid, ...(g.iss ? { issuer: g.iss } : {}), tokenCount: g.tokens.length };
  evidence.keySetsSearched = searched.slice(0, 5).map(snapshotEvidence);
  if (appOnly.length) evidence.publishedOnlyIn = appOnly.slice(0, 3).map(snapshotEvidence);
  if (refusals.length) {
    evidence.refused = refusals.slice(0, 20).map((r) => ({ entry: r.entry, time: iso(r.time), status: r.status, host: r.host, ...(r.code ? { code: r.code } : {}) }));
    const tried = [...new Set(refusals.flatMap((r) => r.keysTried))];
    if (tried.length) evidence.apiKeysTried = tried.slice(0, 20);
  }
  if (seen.length) evidence.firstSeen = { entry: seen[0]!.ref, time: iso(seen[0]!.time) };
  const draft: FindingDraft = {
    rule: 'signing-key-not-found',
    severity: refusals.length ? 'error' : 'warning',
    title: refusals.length ? `API has no key for kid ${g.kid}: ${label} refused` : `kid ${g.kid} of ${label} is not in the captured key sets`,
    message,
    entries: uniqueRefs([...refusals.map((r) => r.entry), ...seen.map((s) => s.ref), ...searched.flatMap((s) => (s.entry === 'cli' ? [] : [s.entry]))]),
    tokens: g.tokens.map((t) => t.id),
    evidence,
    advice: appOnly.length ? ADVICE_APP_KEYS : refusals.length ? ADVICE_REFUSED : ADVICE_OURS,
  };
  if (times.length) draft.time = Math.min(...times);
  if (code) draft.code = code;
  return draft;
}

export const rule: Rule = {
  meta: {
    id: 'signing-key-not-found',
    description: "A token's kid is in no key set captured for its issuer, or an API refused it for an unknown kid that no rollover explains",
    defaultSeverity: 'error',
  },
  check: (ctx) => collect(ctx).map((g) => finding(ctx, g)),
};
