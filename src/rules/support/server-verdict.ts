/**
 * What a server said about the credential a request carried: its status,
 * the AADSTS/IDX codes at that entry, its Bearer challenges, and the
 * reasons those name (expired, audience, issuer...). The time and identity
 * rules use it to tell "refused for my reason" from "refused for another
 * reason" and "accepted".
 */
import type { EntryRef } from '../../model/index.js';
import type { Challenge, ErrorOccurrence, Session } from '../../extract/index.js';
import { RefMap } from '../../extract/index.js';
import type { RuleContext } from '../types.js';

export type RefusalReason = 'expired' | 'not-yet-valid' | 'lifetime' | 'audience' | 'issuer' | 'signature' | 'scope' | 'claims' | 'other';

export interface ServerVerdict {
  ref: EntryRef;
  status: number;
  /** 401 or 403. */
  refused: boolean;
  /** 2xx or 3xx: the server let the request through. */
  accepted: boolean;
  reasons: Set<RefusalReason>;
  codes: ErrorOccurrence[];
  challenges: Challenge[];
  /** Challenge descriptions and, for small 401/403 bodies, the body text: what hint parsers read. */
  texts: string[];
}

const CODE_REASONS: Record<string, RefusalReason> = {
  IDX10223: 'expired',
  IDX10222: 'not-yet-valid',
  IDX10224: 'lifetime',
  IDX10225: 'lifetime',
  IDX10230: 'lifetime',
  IDX10214: 'audience',
  IDX10208: 'audience',
  IDX10206: 'audience',
  IDX10207: 'audience',
  IDX10231: 'audience',
  IDX10205: 'issuer',
  IDX10204: 'issuer',
  IDX10211: 'issuer',
  IDX10500: 'signature',
  IDX10501: 'signature',
  IDX10503: 'signature',
  IDX10504: 'signature',
  IDX10508: 'signature',
  IDX10511: 'signature',
  IDX10517: 'signature',
  AADSTS500133: 'expired',
  AADSTS700024: 'lifetime',
};

const TEXT_REASONS: [RefusalReason, RegExp][] = [
  ['expired', /\b(?:token|lifetime|jwt|assertion)\b[^.;]{0,60}\bexpired\b|\bexpired at\b|ExpiredAuthenticationToken|\bexpiry\b[^.;]{0,80}\bbefore the current/i],
  ['not-yet-valid', /\bnot (?:yet )?valid (?:yet|before)\b|\bnot yet valid\b|\bnbf\b[^.;]{0,40}\bfuture\b/i],
  ['audience', /\baudiences?\b|InvalidAuthenticationTokenAudience/i],
  ['issuer', /\bissuer '[^']*' is invalid|\bIssuer validation failed\b|\binvalid issuer\b|InvalidAuthenticationTokenTenant|\bwrong issuer\b/i],
  ['signature', /\bsignature\b/i],
  ['scope', /\bIDW1020[123]\b|insufficient[_ ]scope|\bInsufficient privileges\b|Authorization_RequestDenied|\bscp or roles\b|\bdoes not contain (?:scopes|roles)\b/i],
];

const SMALL_BODY = 4096;

function bodyHint(ctx: RuleContext, ref: EntryRef, status: number): string | undefined {
  if (status !== 401 && status !== 403) return undefined;
  const body = ctx.entry(ref)?.response.body;
  const text = body?.text;
  if (!text || body.binary || text.length > SMALL_BODY) return undefined;
  if (!/json|text|problem|xml|html/i.test(body.mimeType || 'text')) return undefined;
  // ASP.NET's JSON writer escapes quotes (\u0027); the hint parsers look for quoted values.
  return text.replace(/\\u0027/gi, "'").replace(/\\u0022|\\"/gi, '"');
}

interface EntryFacts {
  codes: ErrorOccurrence[];
  challenges: Challenge[];
}

/**
 * Errors and challenges by entry, built once per session: rules ask for a
 * verdict at every use of every token, and a 100k-entry trace must not turn
 * that into uses × errors comparisons. Verdicts are cached the same way.
 */
const factsBySession = new WeakMap<Session, RefMap<EntryFacts>>();
const verdictsBySession = new WeakMap<Session, RefMap<ServerVerdict>>();

function factsAt(session: Session, ref: EntryRef): EntryFacts {
  let index = factsBySession.get(session);
  if (!index) {
    index = new RefMap();
    const slot = (r: EntryRef) => {
      let f = index!.get(r);
      if (!f) index!.set(r, (f = { codes: [], challenges: [] }));
      return f;
    };
    for (const e of session.errors) for (const r of [e.entry, ...e.alsoIn]) slot(r).codes.push(e);
    for (const c of session.challenges) slot(c.entry).challenges.push(c);
    factsBySession.set(session, index);
  }
  return index.get(ref) ?? { codes: [], challenges: [] };
}

export function verdictAt(ctx: RuleContext, ref: EntryRef): ServerVerdict {
  let cache = verdictsBySession.get(ctx.session);
  if (!cache) verdictsBySession.set(ctx.session, (cache = new RefMap()));
  const known = cache.get(ref);
  if (known) return known;
  const verdict = computeVerdict(ctx, { input: ref.input, index: ref.index });
  cache.set(ref, verdict);
  return verdict;
}

function computeVerdict(ctx: RuleContext, ref: EntryRef): ServerVerdict {
  const entry = ctx.entry(ref);
  const status = entry?.response.status ?? 0;
  const { codes, challenges } = factsAt(ctx.session, ref);
  const reasons = new Set<RefusalReason>();
  for (const c of codes) reasons.add(CODE_REASONS[c.code] ?? 'other');
  const texts: string[] = [];
  for (const c of challenges) {
    if (c.params.error === 'insufficient_scope') reasons.add('scope');
    if (c.params.error === 'insufficient_claims' || c.claims) reasons.add('claims');
    if (c.params.error_description) texts.push(c.params.error_description);
  }
  const body = bodyHint(ctx, ref, status);
  if (body) texts.push(body);
  for (const text of texts) for (const [reason, re] of TEXT_REASONS) if (re.test(text)) reasons.add(reason);
  return {
    ref,
    status,
    refused: status === 401 || status === 403,
    accepted: status >= 200 && status < 400,
    reasons,
    codes,
    challenges,
    texts,
  };
}

/** Codes at the verdict's entry that name the given reason, for a finding's `code`. */
export function codesFor(v: ServerVerdict, reason: RefusalReason): ErrorOccurrence[] {
  return v.codes.filter((c) => CODE_REASONS[c.code] === reason);
}

/** Refused with no reason the server named: the 401 is open to the most likely explanation. */
export function isUnexplainedRefusal(v: ServerVerdict): boolean {
  return v.refused && v.reasons.size === 0;
}
