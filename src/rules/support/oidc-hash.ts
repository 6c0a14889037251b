/**
 * OpenID Connect `at_hash` / `c_hash` (Core 1.0 §3.1.3.6, §3.3.2.11): hash
 * the ASCII value with the hash of the ID token's alg, keep the left half,
 * base64url-encode it.
 */
import { createHash } from 'node:crypto';

function hashName(alg: string): string | undefined {
  const m = /^(?:RS|PS|ES|HS)(256|384|512)$/i.exec(alg);
  if (m) return `sha${m[1]}`;
  // Ed25519 signatures use SHA-512 for these hashes (OIDC errata for EdDSA).
  return alg === 'EdDSA' ? 'sha512' : undefined;
}

/** The left-half hash of `value` for an ID token signed with `alg`; undefined for algs it is not defined for. */
export function leftHalfHash(value: string, alg: string): string | undefined {
  const name = hashName(alg);
  if (!name) return undefined;
  const digest = createHash(name).update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}
