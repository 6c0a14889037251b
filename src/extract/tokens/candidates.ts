/**
 * Token candidates: which strings in a request or response are tokens, and
 * what their place and field name say about their kind.
 */
import { forEachCompact, type CompactShape } from '../../jwt/index.js';
import type { TokenKind, TokenPlace } from '../../model/index.js';

/**
 * A JWS (3 parts) or JWE (5 parts) whose header is base64url JSON ("eyJ").
 * Quadratic on long dot-less `eyJ…` runs: `jwtsInText` finds the same matches in linear time.
 */
export const JWT_IN_TEXT = /eyJ[A-Za-z0-9_-]{8,}\.(?:[A-Za-z0-9_-]*\.){1,3}[A-Za-z0-9_-]*/g;
const WHOLE_JWT = /^eyJ[A-Za-z0-9_-]{8,}\.(?:[A-Za-z0-9_-]*\.){1,3}[A-Za-z0-9_-]*$/;

export function isJwtString(s: string): boolean {
  return s.length < 200_000 && WHOLE_JWT.test(s);
}

export interface TokenCandidate {
  value: string;
  where: TokenPlace;
  field?: string;
  kindHint?: TokenKind;
}

/** Field names that carry tokens, and the kind they imply. */
export const TOKEN_FIELDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['access_token', 'access'],
  ['id_token', 'id'],
  ['id_token_hint', 'id'],
  ['refresh_token', 'refresh'],
  ['client_assertion', 'client-assertion'],
  ['code', 'code'],
  ['assertion', 'access'],
  ['token', 'access'],
]);

/** The matches of JWT_IN_TEXT: a head of at least 8 characters after `eyJ`, 2 to 4 dots. */
const TEXT_SHAPE: CompactShape = { minHeadChars: 8, minDots: 2, maxDots: 4 };

/** Every JWT found in free text (bounded). */
export function jwtsInText(text: string, limit = 200): string[] {
  const out: string[] = [];
  if (limit <= 0 || !text.includes('eyJ')) return out;
  forEachCompact(text, TEXT_SHAPE, (m) => {
    const dots = m.split('.').length - 1;
    // Four-part matches are neither JWS nor JWE: skipped, as the regex's callers always did.
    if (dots === 2 || dots === 4) out.push(m);
    return out.length < limit;
  });
  return out;
}

/** Candidates from URL-style parameters (query, fragment, form body). */
export function candidatesFromParams(params: Map<string, string>, where: TokenPlace, allowCode = true): TokenCandidate[] {
  const out: TokenCandidate[] = [];
  for (const [key, value] of params) {
    if (!value) continue;
    const k = key.toLowerCase();
    // JSON error bodies use "code" for error names (Graph: {"code":"InvalidAuthenticationToken"}).
    if (k === 'code' && !allowCode) continue;
    const hint = TOKEN_FIELDS.get(k);
    if (hint) {
      // `code` is only a token in OAuth contexts; callers filter; `token` must look like a JWT.
      if ((k === 'token' || k === 'assertion') && !isJwtString(value)) continue;
      out.push({ value, where, field: k, kindHint: hint });
    } else if (isJwtString(value)) {
      out.push({ value, where, field: k });
    }
  }
  return out;
}
