/**
 * malformed-token: bearer values that cannot be tokens ("undefined", JSON,
 * "Bearer Bearer …", a cut JWT…), JWTs in OAuth fields that do not decode,
 * opaque bearers an API could not read as a JWT, and empty
 * `Authorization: Bearer` headers that were not a discovery probe.
 */
import type { Entry, EntryRef, FindingDraft } from '../model/index.js';
import { headerValue } from '../model/index.js';
import type { SessionToken } from '../extract/index.js';
import { challengesAt, errorsAt, iso, isRefused, refLabel, sameRef, tokenLabel, uniqueRefs } from './support/evidence.js';
import { brokenJwt, malformedBearer, type Malformed } from './support/bearer-shape.js';
import { isBearer, isCredential } from './support/token-places.js';
import type { Rule, RuleContext } from './types.js';

/** IDX codes meaning "this bearer is not a readable JWT" (see src/catalog/data/idx.tsv, category malformed-token). */
export const MALFORMED_CODES: ReadonlySet<string> = new Set([
  'IDX10400', 'IDX10508', 'IDX10820', 'IDX12709', 'IDX12720', 'IDX12723', 'IDX12729', 'IDX12739', 'IDX12740', 'IDX12741',
  'IDX14100', 'IDX14101', 'IDX14102', 'IDX14107', 'IDX14111', 'IDX14120', 'IDX14121', 'IDX14122', 'IDX14307',
]);

const SHAPE_TEXT: Record<Malformed['shape'], string> = {
  'js-value': 'a JavaScript value',
  'scheme-repeated': '"Bearer" repeated',
  json: 'JSON instead of a token',
  quoted: 'wrapped in quotes',
  template: 'unexpanded template',
  whitespace: 'contains spaces',
  'url-encoded-jwt': 'URL-encoded JWT',
  'truncated-jwt': 'cut-off JWT',
  'broken-jwt': 'JWT does not decode',
  'opaque-not-jwt': 'opaque, not a JWT',
};

function subject(t: SessionToken): string {
  if (t.kind === 'access' || t.kind === 'opaque') return 'Bearer value';
  const label = tokenLabel(t).replace(/ [0-9a-f]{12}$/, '');
  return label[0]!.toUpperCase() + label.slice(1);
}

/** A retry of the same request this soon after an empty-bearer 401 means the empty header was a probe. */
const PROBE_RETRY_MS = 60_000;

const ADVICE_BEARER =
  'Fix the client code that builds the Authorization header: it must send "Bearer " followed by the access token string exactly as the token endpoint returned it (MSAL: result.accessToken), without quotes, JSON, a second "Bearer" or a cut-off value.';
const ADVICE_OPAQUE =
  'The API expects a JWT it can validate, but the client sent an opaque token: request the token for this API\'s own scope (api://<app id>/.default or a scope it exposes), not for Graph or a Microsoft account resource, and make sure the API app registration issues v2/v1 JWTs to this client.';
const ADVICE_EMPTY =
  'The client called the API before it had a token (or lost it): acquire the token first (MSAL acquireTokenSilent, then interactive on failure) and only then call the API; do not send an Authorization header without a value.';

function apiCodeAt(ctx: RuleContext, refs: readonly EntryRef[]): { code: string; entry: EntryRef } | undefined {
  for (const ref of refs) {
    const e = errorsAt(ctx.session, ref).find((x) => MALFORMED_CODES.has(x.code));
    if (e) return { code: e.code, entry: ref };
  }
  return undefined;
}

function tokenFinding(ctx: RuleContext, t: SessionToken, m: Malformed | undefined): FindingDraft | undefined {
  const multi = ctx.session.inputs.length > 1;
  const refs = uniqueRefs(t.uses.map((u) => ({ input: u.input, index: u.index })));
  const refused = t.uses.filter((u) => u.where === 'authorization' && isRefused(u.status)).map((u) => ({ input: u.input, index: u.index }));
  const api = apiCodeAt(ctx, refused.length ? refused : refs);
  let problem = m;
  if (!problem && api && t.format === 'opaque' && isBearer(t)) {
    problem = { shape: 'opaque-not-jwt', reason: `${api.code}: the API could not read this opaque bearer as a JWT` };
  }
  if (!problem) return undefined;
  const opaqueForApi = problem.shape === 'opaque-not-jwt';
  const issued = t.issuedAt ? { input: t.issuedAt.input, index: t.issuedAt.index } : undefined;
  const entries = uniqueRefs([...refused, ...refs, ...(issued ? [issued] : [])]);
  const times = [...t.uses.map((u) => u.sentAt), ...(t.issuedAt ? [t.issuedAt.receivedAt] : [])];
  const where = refs.length ? ` sent in ${refs.slice(0, 5).map((r) => refLabel(r, multi)).join(', ')}${refs.length > 5 ? ', …' : ''}` : issued ? ` issued in ${refLabel(issued, multi)}` : '';
  const evidence: Record<string, unknown> = {
    shape: problem.shape,
    reason: problem.reason,
    length: t.compact.length,
    ...(problem.literal ? { value: problem.literal } : {}),
    uses: t.uses.slice(0, 20).map((u) => ({ entry: { input: u.input, index: u.index }, host: u.host, status: u.status, where: u.where, ...(u.field ? { field: u.field } : {}) })),
  };
  if (t.issuedAt) evidence.issuedAt = { entry: issued, field: t.issuedAt.field };
  if (api) evidence.apiSaid = { entry: api.entry, code: api.code };
  const draft: FindingDraft = {
    rule: 'malformed-token',
    severity: refused.length || api ? 'error' : 'warning',
    title: opaqueForApi ? `API could not read bearer ${t.id} as a JWT (${api!.code})` : `${subject(t)} ${t.id} is not a usable token: ${SHAPE_TEXT[problem.shape]}`,
    message: `${problem.reason[0]!.toUpperCase()}${problem.reason.slice(1)} (value ${t.id}, ${t.compact.length} characters)${where}.${refused.length ? ` The API refused it (${refused.slice(0, 5).map((r) => `${refLabel(r, multi)}`).join(', ')}).` : ''}`,
    entries,
    tokens: [t.id],
    evidence,
    advice: opaqueForApi ? ADVICE_OPAQUE : ADVICE_BEARER,
  };
  if (times.length) draft.time = Math.min(...times);
  if (api) draft.code = api.code;
  return draft;
}

/** An empty bearer that the server answered by offering another scheme, or that was retried at once, was a probe (Office clients do this). */
function isProbe(ctx: RuleContext, entry: Entry): boolean {
  const ref = { input: entry.input, index: entry.index };
  if (entry.response.status === 401) {
    const schemes = challengesAt(ctx.session, ref).map((c) => c.scheme.toLowerCase());
    if (schemes.length && !schemes.includes('bearer')) return true;
  }
  if (!isRefused(entry.response.status)) return false;
  const timeline = ctx.session.entries;
  for (let i = firstAtOrAfter(timeline, entry.startedAt); i < timeline.length; i++) {
    const e = timeline[i]!;
    if (e.startedAt - entry.startedAt > PROBE_RETRY_MS) break;
    if (sameRef(e, ref) || e.request.method !== entry.request.method || e.request.url !== entry.request.url) continue;
    if (!/^\s*bearer\s*$/i.test(headerValue(e.request.headers, 'authorization') ?? 'none')) return true;
  }
  return false;
}

/** Index of the first entry starting at or after `time` (the timeline is sorted by start). */
function firstAtOrAfter(timeline: readonly Entry[], time: number): number {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeline[mid]!.startedAt < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function emptyBearerFinding(ctx: RuleContext): FindingDraft | undefined {
  const multi = ctx.session.inputs.length > 1;
  const entries = ctx.session.emptyBearers.map((r) => ctx.entry(r)).filter((e): e is Entry => !!e);
  const real = entries.filter((e) => !isProbe(ctx, e)).sort((a, b) => a.startedAt - b.startedAt);
  if (real.length === 0) return undefined;
  const refs = real.map((e) => ({ input: e.input, index: e.index }));
  const hosts = [...new Set(real.map((e) => hostOfEntry(e)))];
  return {
    rule: 'malformed-token',
    severity: 'warning',
    title: `Empty "Authorization: Bearer" sent ${real.length} time(s)`,
    message: `${refs.slice(0, 5).map((r) => refLabel(r, multi)).join(', ')}${refs.length > 5 ? ', …' : ''} to ${hosts.slice(0, 3).join(', ')} carried "Authorization: Bearer" with no token, and were not retried with one.`,
    entries: refs.slice(0, 50),
    tokens: [],
    time: real[0]!.startedAt,
    evidence: {
      shape: 'empty',
      count: real.length,
      hosts: hosts.slice(0, 10),
      requests: real.slice(0, 20).map((e) => ({ entry: { input: e.input, index: e.index }, time: iso(e.startedAt), status: e.response.status })),
      ...(entries.length > real.length ? { probesIgnored: entries.length - real.length } : {}),
    },
    advice: ADVICE_EMPTY,
  };
}

function hostOfEntry(e: Entry): string {
  try {
    return new URL(e.request.url).host.toLowerCase();
  } catch {
    return '';
  }
}

export const rule: Rule = {
  meta: {
    id: 'malformed-token',
    description: 'A bearer value that is not a decodable JWT nor a plausible opaque token, a JWT that does not decode, or an empty Bearer header',
    defaultSeverity: 'error',
  },
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const t of ctx.session.tokens) {
      let m: Malformed | undefined;
      if (isBearer(t)) m = malformedBearer(t);
      else if (isCredential(t)) m = brokenJwt(t);
      else continue;
      const f = tokenFinding(ctx, t, m);
      if (f) out.push(f);
    }
    const empty = emptyBearerFinding(ctx);
    if (empty) out.push(empty);
    return out;
  },
};
