/**
 * Requests an API refused because it had no key for the token's `kid`:
 * an IDX "kid not found" family code, or the generic ASP.NET Core text
 * ("The signature key was not found") when the API hides IDX details.
 */
import type { EntryRef } from '../../model/index.js';
import type { Session, SessionToken } from '../../extract/index.js';
import { isRefused, sameRef } from './evidence.js';

/**
 * Codes meaning "no key with this kid" across Microsoft.IdentityModel
 * versions (IDX10501 up to 6.27, IDX10503/IDX10517 later, IDX10502 in 8.1+,
 * IDX10516 in 6.10-6.27). See src/catalog/data/idx.tsv.
 */
export const KEY_NOT_FOUND_CODES: ReadonlySet<string> = new Set(['IDX10501', 'IDX10502', 'IDX10503', 'IDX10516', 'IDX10517']);

const KEY_NOT_FOUND_TEXT = /signature key was not found|did not match any keys|unable to match key|no matching key|kid\b[^.]{0,40}\bnot found/i;

export interface KeyRefusal {
  entry: EntryRef;
  time: number;
  host: string;
  status: number;
  /** The IDX code the API named, if it named one. */
  code?: string;
  /** kids the API says it tried (parsed from "Kid: '…'" in its message). */
  keysTried: string[];
  /** Bearer tokens sent in the refused request. */
  tokens: string[];
}

/** kids listed in an IDX message's "Keys tried" part. */
export function kidsInMessage(message: string | undefined): string[] {
  if (!message) return [];
  const out = new Set<string>();
  for (const m of message.matchAll(/\bKid:\s*'([^']{1,200})'/g)) out.add(m[1]!);
  for (const m of message.matchAll(/\bKeyId:\s*([A-Za-z0-9_=+/-]{4,200})/g)) out.add(m[1]!);
  return [...out];
}

function bearerTokensAt(ref: EntryRef, candidates: readonly string[], byId: (id: string) => SessionToken | undefined): string[] {
  return candidates.filter((id) => byId(id)?.uses.some((u) => u.where === 'authorization' && sameRef(u, ref)));
}

/** Every refused request where the API said it had no key for the token (IDX code at an error status, or the generic text at 401/403), in timeline order. */
export function keyRefusals(session: Session, byId: (id: string) => SessionToken | undefined): KeyRefusal[] {
  const out = new Map<string, KeyRefusal>();
  const key = (ref: EntryRef) => `${ref.input}:${ref.index}`;
  for (const e of session.errors) {
    // An explicit IDX code counts at any error status: some APIs turn validation failures into 500s.
    if (!KEY_NOT_FOUND_CODES.has(e.code) || e.status < 400) continue;
    const k = key(e.entry);
    const known = out.get(k);
    const tried = kidsInMessage(e.message);
    if (known) {
      known.code ??= e.code;
      for (const kid of tried) if (!known.keysTried.includes(kid)) known.keysTried.push(kid);
      continue;
    }
    out.set(k, { entry: e.entry, time: e.time, host: e.host, status: e.status, code: e.code, keysTried: tried, tokens: bearerTokensAt(e.entry, e.tokens, byId) });
  }
  for (const c of session.challenges) {
    if (!isRefused(c.status) || out.has(key(c.entry))) continue;
    if (!KEY_NOT_FOUND_TEXT.test(c.params.error_description ?? '')) continue;
    out.set(key(c.entry), { entry: c.entry, time: c.time, host: c.host, status: c.status, keysTried: [], tokens: bearerTokensAt(c.entry, c.tokens, byId) });
  }
  return [...out.values()].sort((a, b) => a.time - b.time || a.entry.input - b.entry.input || a.entry.index - b.entry.index);
}

/** The token's key id: `kid`, else `x5t` (v1 tokens carry both with the same value). */
export function tokenKid(t: SessionToken): string | undefined {
  const kid = t.header?.kid;
  if (typeof kid === 'string' && kid.length > 0) return kid;
  const x5t = t.header?.x5t;
  return typeof x5t === 'string' && x5t.length > 0 ? x5t : undefined;
}

/** Was this use answered with success (the API accepted the token)? */
export function accepted(status: number): boolean {
  return status >= 200 && status < 400;
}
