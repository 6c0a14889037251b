/**
 * signature-invalid: the token's kid is published in a key set captured in
 * the trace (or --jwks), and the signature does not verify with that key:
 * the header or payload changed after signing.
 */
import type { EntryRef, FindingDraft } from '../model/index.js';
import type { SessionToken } from '../extract/index.js';
import { challengesAt, errorsAt, headerString, iso, refLabel, tokenLabel, uniqueRefs } from './support/evidence.js';
import { accepted, tokenKid } from './support/key-refusals.js';
import { snapshotEvidence } from './support/key-sets.js';
import type { Rule, RuleContext } from './types.js';

/** What an API says when a key matched but the signature did not verify. */
const SIGNATURE_CODES: ReadonlySet<string> = new Set(['IDX10511', 'IDX10514']);
const SIGNATURE_TEXT = /signature is invalid|signature validation failed/i;

/** Tokens another rule explains better: unsigned (insecure-alg), broken encoding (malformed-token), Graph/HMAC/JWE (unverifiable-token). */
function isCandidate(t: SessionToken): boolean {
  if (t.signature !== 'invalid' || t.signingKeySource === undefined || t.format !== 'jws') return false;
  if (t.problems.length > 0) return false;
  const alg = (headerString(t, 'alg') ?? '').toLowerCase();
  return alg !== 'none' && !alg.startsWith('hs') && t.header?.nonce === undefined;
}

interface ApiVerdict {
  entry: EntryRef;
  code?: string;
}

function apiVerdicts(ctx: RuleContext, t: SessionToken): ApiVerdict[] {
  const out: ApiVerdict[] = [];
  for (const u of t.uses) {
    if (u.where !== 'authorization') continue;
    const ref = { input: u.input, index: u.index };
    const coded = errorsAt(ctx.session, ref).find((e) => SIGNATURE_CODES.has(e.code));
    if (coded) out.push({ entry: ref, code: coded.code });
    else if (challengesAt(ctx.session, ref).some((c) => SIGNATURE_TEXT.test(c.params.error_description ?? ''))) out.push({ entry: ref });
  }
  return out;
}

function finding(ctx: RuleContext, t: SessionToken): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const source = t.signingKeySource!;
  const snap = ctx.session.jwks.find((s) => (source === 'cli' ? s.entry === 'cli' : s.entry !== 'cli' && s.entry.input === source.input && s.entry.index === source.index));
  const kid = tokenKid(t) ?? '(none)';
  const verdicts = apiVerdicts(ctx, t);
  const uses = t.uses.slice(0, 20).map((u) => ({ entry: { input: u.input, index: u.index }, host: u.host, status: u.status, where: u.where }));
  const acceptedAt = t.uses.filter((u) => u.where === 'authorization' && accepted(u.status));
  const where = source === 'cli' ? 'the --jwks key set' : `the JWKS at ${refLabel(source, multi)}`;
  const usedText = t.uses.length
    ? ` It was sent in ${t.uses.slice(0, 5).map((u) => `${refLabel(u, multi)} (${u.status})`).join(', ')}${t.uses.length > 5 ? ', …' : ''}.`
    : '';
  const evidence: Record<string, unknown> = { token: t.id, kind: t.kind, kid, alg: headerString(t, 'alg') };
  if (snap) evidence.jwks = snapshotEvidence(snap);
  if (t.signatureDetail) evidence.detail = t.signatureDetail;
  if (t.issuedAt) evidence.issuedAt = { entry: { input: t.issuedAt.input, index: t.issuedAt.index }, time: iso(t.issuedAt.receivedAt) };
  evidence.uses = uses;
  if (verdicts.length) evidence.apiSaid = verdicts.map((v) => ({ entry: v.entry, ...(v.code ? { code: v.code } : {}) }));
  if (acceptedAt.length) evidence.acceptedAt = acceptedAt.slice(0, 10).map((u) => ({ input: u.input, index: u.index }));

  let advice = 'Tokens must reach the API byte for byte as Entra issued them: look for code or proxies that edit, re-encode or rebuild tokens, and get a fresh token from the identity provider instead of modifying one.';
  if (acceptedAt.length) {
    advice += ` The API accepted it (${acceptedAt.slice(0, 3).map((u) => refLabel(u, multi)).join(', ')}): it does not check signatures — fix its token validation.`;
  }
  const times = [...t.uses.map((u) => u.sentAt), ...(t.issuedAt ? [t.issuedAt.receivedAt] : [])];
  const draft: FindingDraft = {
    rule: 'signature-invalid',
    severity: 'error',
    title: `${tokenLabel(t)[0]!.toUpperCase()}${tokenLabel(t).slice(1)}: signature does not verify (kid ${kid})`,
    message: `The key ${kid} is published in ${where}, but the signature of ${tokenLabel(t)} does not verify with it: the header or payload was changed after signing.${usedText}`,
    entries: uniqueRefs([
      ...verdicts.map((v) => v.entry),
      ...t.uses.map((u) => ({ input: u.input, index: u.index })),
      ...(t.issuedAt ? [{ input: t.issuedAt.input, index: t.issuedAt.index }] : []),
      ...(source !== 'cli' ? [source] : []),
    ]),
    tokens: [t.id],
    evidence,
    advice,
  };
  if (times.length) draft.time = Math.min(...times);
  const code = verdicts.find((v) => v.code)?.code;
  if (code) draft.code = code;
  return draft;
}

export const rule: Rule = {
  meta: {
    id: 'signature-invalid',
    description: "The token's kid is in a captured key set and the signature does not verify (changed after signing)",
    defaultSeverity: 'error',
  },
  check: (ctx) => ctx.session.tokens.filter(isCandidate).map((t) => finding(ctx, t)),
};
