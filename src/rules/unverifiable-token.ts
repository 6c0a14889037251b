/**
 * unverifiable-token: signatures nobody but the token's audience (or a key
 * set this trace does not hold) can check. One info finding for the whole
 * trace, tokens grouped by reason, so a trace with 500 tokens stays readable.
 */
import type { EntryRef, FindingDraft } from '../model/index.js';
import type { SessionToken } from '../extract/index.js';
import { isGraphAudience, isMicrosoftIssued } from '../jwt/index.js';
import { claimString, headerString, uniqueRefs } from './support/evidence.js';
import type { Rule } from './types.js';

type Reason = 'graph-nonce' | 'encrypted' | 'shared-secret' | 'no-key-set' | 'unsupported-key';

const REASON_TEXT: Record<Reason, string> = {
  'graph-nonce': 'nonce in the JOSE header (Microsoft Graph token): only Graph can check it',
  encrypted: 'encrypted (JWE): only its recipient can decrypt and check it',
  'shared-secret': 'HMAC (shared secret), which no trace contains',
  'no-key-set': 'no key set (JWKS) of its issuer in the trace',
  'unsupported-key': 'the published key could not be used to check it',
};

const REASON_ADVICE: Record<Reason, string> = {
  'graph-nonce': 'Graph tokens are for Graph only: nothing to fix, but never validate them in your own API — request a token for your API (its own scope) instead.',
  encrypted: 'Only the API holding the decryption key can read encrypted tokens; check them there.',
  'shared-secret': 'HMAC-signed tokens can only be checked with the shared secret; Entra never signs with HMAC.',
  'no-key-set': "To check these signatures, pass the issuer's key set with --jwks (download <authority>/discovery/v2.0/keys close to the capture time, as keys roll over).",
  'unsupported-key': 'Check the key type and algorithm of the published key against the token header.',
};

const MAX_LISTED = 50;

function reasonOf(t: SessionToken): Reason | undefined {
  if (t.signature !== 'unverifiable') return undefined;
  if (t.format === 'jwe') return t.kind === 'refresh' ? undefined : 'encrypted';
  if (t.format !== 'jws') return undefined;
  const microsoft = isMicrosoftIssued(t.claims);
  if (t.header?.nonce !== undefined) return 'graph-nonce';
  // Tokens of other issuers (WOPI, Google, app-made HMAC tokens) are not ours to comment on.
  if (!microsoft) return undefined;
  if (/^HS\d+$/i.test(headerString(t, 'alg') ?? '')) return 'shared-secret';
  // The detail texts come from src/extract/keys/verify.ts, which has no separate reason field.
  if ((t.signatureDetail ?? '').startsWith('no key set') || (t.signatureDetail ?? '').startsWith('no issuer')) return 'no-key-set';
  return 'unsupported-key';
}

function whereSeen(t: SessionToken): EntryRef | undefined {
  const u = t.uses[0];
  if (u) return { input: u.input, index: u.index };
  return t.issuedAt ? { input: t.issuedAt.input, index: t.issuedAt.index } : undefined;
}

function timeSeen(t: SessionToken): number | undefined {
  return t.uses[0]?.sentAt ?? t.issuedAt?.receivedAt;
}

export const rule: Rule = {
  meta: {
    id: 'unverifiable-token',
    description: 'Token signatures no third party can check (Graph nonce header, JWE, HMAC, no key set in the trace), grouped by reason',
    defaultSeverity: 'info',
  },
  check(ctx) {
    const groups = new Map<Reason, SessionToken[]>();
    for (const t of ctx.session.tokens) {
      const reason = reasonOf(t);
      if (!reason) continue;
      const list = groups.get(reason) ?? [];
      list.push(t);
      groups.set(reason, list);
    }
    if (groups.size === 0) return [];
    const all = [...groups.values()].flat();
    const order: Reason[] = ['graph-nonce', 'no-key-set', 'encrypted', 'shared-secret', 'unsupported-key'];
    const present = order.filter((r) => groups.has(r));
    const summary = present.map((r) => `${groups.get(r)!.length} ${r}`).join(', ');
    const evidence = {
      tokenCount: all.length,
      groups: present.map((r) => {
        const list = groups.get(r)!;
        const issuers = [...new Set(list.map((t) => claimString(t, 'iss')).filter((i): i is string => !!i))];
        return {
          reason: r,
          explanation: REASON_TEXT[r],
          count: list.length,
          tokens: list.slice(0, MAX_LISTED).map((t) => t.id),
          ...(issuers.length ? { issuers: issuers.slice(0, 10) } : {}),
          ...(r === 'graph-nonce' ? { graphAudience: list.filter((t) => isGraphAudience(t.claims?.aud)).length } : {}),
        };
      }),
    };
    const times = all.map(timeSeen).filter((x): x is number => x !== undefined);
    const finding: FindingDraft = {
      rule: 'unverifiable-token',
      severity: 'info',
      title: all.length === 1 ? `Token ${all[0]!.id} cannot be verified from this trace (${present[0]})` : `${all.length} tokens cannot be verified from this trace (${summary})`,
      message: present.map((r) => `${groups.get(r)!.length} token(s): ${REASON_TEXT[r]}.`).join(' '),
      entries: uniqueRefs(all.map(whereSeen).filter((x): x is EntryRef => !!x)).slice(0, MAX_LISTED),
      tokens: all.slice(0, MAX_LISTED * 2).map((t) => t.id),
      evidence,
      advice: present.map((r) => REASON_ADVICE[r]).join(' '),
    };
    if (times.length) finding.time = Math.min(...times);
    return [finding];
  },
};
