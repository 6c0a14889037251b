import type { JsonWebKey } from './jwk.js';

export interface KeyCandidates {
  /** Keys to try, in order. */
  keys: JsonWebKey[];
  /** How they were chosen. 'none-named': the token names no key, so every key is a candidate. */
  by: 'kid' | 'x5t' | 'none-named';
}

/**
 * The JWKS entries a token's header points at: by `kid` first, then by `x5t` (v1
 * tokens carry both; Entra sets kid to the same thumbprint). A token naming no key
 * gets every signing key, like Microsoft.IdentityModel does.
 */
export function candidateKeys(header: Record<string, unknown>, keys: readonly JsonWebKey[]): KeyCandidates {
  const usable = keys.filter((k) => k !== null && typeof k === 'object' && k.use !== 'enc');
  const kid = typeof header.kid === 'string' && header.kid.length > 0 ? header.kid : undefined;
  const x5t = typeof header.x5t === 'string' && header.x5t.length > 0 ? header.x5t : undefined;
  if (kid) {
    const byKid = usable.filter((k) => k.kid === kid);
    if (byKid.length > 0) return { keys: byKid, by: 'kid' };
  }
  if (x5t) {
    const byX5t = usable.filter((k) => k.x5t === x5t || k.kid === x5t);
    if (byX5t.length > 0) return { keys: byX5t, by: 'x5t' };
  }
  if (!kid && !x5t) return { keys: usable, by: 'none-named' };
  return { keys: [], by: kid ? 'kid' : 'x5t' };
}

export function kidOf(key: JsonWebKey): string | undefined {
  if (typeof key.kid === 'string') return key.kid;
  return typeof key.x5t === 'string' ? key.x5t : undefined;
}
