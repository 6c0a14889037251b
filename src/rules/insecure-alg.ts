/**
 * insecure-alg: JOSE headers that let a token pick its own trust: alg none,
 * HMAC where the issuer publishes asymmetric keys (key confusion), key URLs
 * (jku/x5u) on another host than the issuer, an embedded jwk.
 */
import type { EntryRef, FindingDraft, Severity } from '../model/index.js';
import type { SessionToken } from '../extract/index.js';
import { hostOf } from '../extract/index.js';
import { claimString, headerString, refLabel, uniqueRefs } from './support/evidence.js';
import { accepted } from './support/key-refusals.js';
import { snapshotsForIssuer } from './support/key-sets.js';
import { isCredential } from './support/token-places.js';
import type { Rule, RuleContext } from './types.js';

type Reason = 'alg-none' | 'hmac-with-asymmetric-issuer' | 'remote-key-url' | 'embedded-jwk';

const SEVERITY: Record<Reason, Severity> = {
  'alg-none': 'error',
  'hmac-with-asymmetric-issuer': 'error',
  'remote-key-url': 'warning',
  'embedded-jwk': 'warning',
};

const TITLE: Record<Reason, string> = {
  'alg-none': 'unsigned (alg none)',
  'hmac-with-asymmetric-issuer': 'HMAC-signed although the issuer publishes RSA/EC keys',
  'remote-key-url': 'header points to signing keys on another host (jku/x5u)',
  'embedded-jwk': 'header embeds its own key (jwk)',
};

const ADVICE: Record<Reason, string> = {
  'alg-none': 'Reject unsigned tokens everywhere (ValidAlgorithms / algorithm allow-list; never accept alg none). Find out who produced the token: Entra never issues unsigned tokens.',
  'hmac-with-asymmetric-issuer':
    "This issuer signs with RSA/EC keys, so an HS* token claiming it is forged or rebuilt (the classic key-confusion attack uses the public key as an HMAC secret). Pin the accepted algorithms (RS256 for Entra) and never use the issuer's public key as a symmetric secret.",
  'remote-key-url': "Validators must take keys only from the issuer's configured metadata, never from a URL the token names. Entra never sets jku/x5u; find out who produced the token.",
  'embedded-jwk': 'A token cannot vouch for its own key: validators must ignore an embedded jwk and use the issuer\'s published keys. Entra never embeds jwk in access or ID tokens.',
};

interface Hit {
  reason: Reason;
  detail: Record<string, unknown>;
}

const ASYMMETRIC = new Set(['RSA', 'EC', 'OKP']);

function hitsOf(ctx: RuleContext, t: SessionToken): Hit[] {
  if (!t.header) return [];
  const out: Hit[] = [];
  const alg = headerString(t, 'alg') ?? '';
  const iss = claimString(t, 'iss');
  if (alg.toLowerCase() === 'none') out.push({ reason: 'alg-none', detail: { alg } });
  if (/^HS\d+$/i.test(alg) && iss) {
    const asymmetric = snapshotsForIssuer(ctx.session.jwks, ctx.session.oidcMetadata, iss).filter((s) => s.keys.some((k) => ASYMMETRIC.has(String(k.kty))));
    if (asymmetric.length) out.push({ reason: 'hmac-with-asymmetric-issuer', detail: { alg, jwks: asymmetric[0]!.entry } });
  }
  for (const name of ['jku', 'x5u'] as const) {
    const url = headerString(t, name);
    if (url === undefined) continue;
    const keyHost = hostOf(url);
    const issHost = iss ? hostOf(iss) : '';
    if (!keyHost || !issHost || keyHost !== issHost) out.push({ reason: 'remote-key-url', detail: { header: name, keyHost: keyHost || '(not a URL)', issuerHost: issHost || '(none)' } });
  }
  // DPoP proofs carry their public key in the header by design (RFC 9449).
  const typ = (headerString(t, 'typ') ?? '').toLowerCase();
  if (t.header.jwk !== undefined && typ !== 'dpop+jwt') out.push({ reason: 'embedded-jwk', detail: { typ: typ || undefined } });
  return out;
}

function refsOf(t: SessionToken): { refs: EntryRef[]; times: number[] } {
  const refs: EntryRef[] = t.uses.map((u) => ({ input: u.input, index: u.index }));
  const times = t.uses.map((u) => u.sentAt);
  if (t.issuedAt) {
    refs.push({ input: t.issuedAt.input, index: t.issuedAt.index });
    times.push(t.issuedAt.receivedAt);
  }
  return { refs, times };
}

export const rule: Rule = {
  meta: {
    id: 'insecure-alg',
    description: 'alg none, HMAC where the issuer publishes RSA/EC keys, jku/x5u pointing to another host, embedded jwk',
    defaultSeverity: 'error',
  },
  check(ctx) {
    const multi = ctx.session.inputs.length > 1;
    // One finding per (reason, issuer): a trace full of forged tokens stays one finding.
    const groups = new Map<string, { reason: Reason; iss: string; tokens: SessionToken[]; details: Record<string, unknown>[] }>();
    for (const t of ctx.session.tokens) {
      // JWT-looking strings inside scripts or documents are not credentials; only judge tokens that travelled as one.
      if (t.format !== 'jws' || !isCredential(t)) continue;
      for (const h of hitsOf(ctx, t)) {
        const iss = claimString(t, 'iss') ?? '';
        const k = `${h.reason}\n${iss}`;
        const g = groups.get(k) ?? { reason: h.reason, iss, tokens: [], details: [] };
        groups.set(k, g);
        g.tokens.push(t);
        g.details.push({ token: t.id, ...Object.fromEntries(Object.entries(h.detail).filter(([, v]) => v !== undefined)) });
      }
    }
    const out: FindingDraft[] = [];
    for (const g of groups.values()) {
      const seen = g.tokens.map(refsOf);
      const refs = uniqueRefs(seen.flatMap((s) => s.refs));
      const times = seen.flatMap((s) => s.times);
      const acceptedAt = uniqueRefs(g.tokens.flatMap((t) => t.uses.filter((u) => u.where === 'authorization' && accepted(u.status)).map((u) => ({ input: u.input, index: u.index }))));
      const who = g.tokens.length === 1 ? `Token ${g.tokens[0]!.id}` : `${g.tokens.length} tokens`;
      const acceptedText = acceptedAt.length ? ` An API accepted it at ${acceptedAt.slice(0, 3).map((r) => refLabel(r, multi)).join(', ')}: that API does not enforce signatures.` : '';
      const draft: FindingDraft = {
        rule: 'insecure-alg',
        severity: SEVERITY[g.reason],
        title: `${who}${g.iss ? ` from ${g.iss}` : ''}: ${TITLE[g.reason]}`,
        message: `${who}${g.iss ? ` claiming issuer ${g.iss}` : ''} ${g.tokens.length === 1 ? 'is' : 'are'} ${TITLE[g.reason]}${refs.length ? `; seen at ${refs.slice(0, 5).map((r) => refLabel(r, multi)).join(', ')}` : ''}.${acceptedText}`,
        entries: refs,
        tokens: g.tokens.map((t) => t.id),
        evidence: { reason: g.reason, ...(g.iss ? { issuer: g.iss } : {}), tokens: g.details.slice(0, 20), ...(acceptedAt.length ? { acceptedAt: acceptedAt.slice(0, 10) } : {}) },
        advice: ADVICE[g.reason],
      };
      if (times.length) draft.time = Math.min(...times);
      out.push(draft);
    }
    return out;
  },
};
