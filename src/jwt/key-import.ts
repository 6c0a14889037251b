import type { CryptoKey, JWK } from 'jose';
import { loadJose } from './jose-lazy.js';
import type { JsonWebKey } from './jwk.js';

/** Why a JWKS entry could not become a verification key for the token's alg. */
export class KeyImportError extends Error {
  constructor(
    message: string,
    /** 'mismatch': the key type cannot do this alg (RSA key, ES256 token); 'unsupported': we cannot use it. */
    readonly reason: 'mismatch' | 'unsupported',
  ) {
    super(message);
    this.name = 'KeyImportError';
  }
}

const KTY_FOR_ALG: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(RS|PS)(256|384|512)$/, 'RSA'],
  [/^ES(256|384|512|256K)$/, 'EC'],
  [/^(EdDSA|Ed25519)$/, 'OKP'],
];

export function keyTypeForAlg(alg: string): string | undefined {
  return KTY_FOR_ALG.find(([pattern]) => pattern.test(alg))?.[1];
}

// A trace may hold thousands of tokens signed by a handful of keys: import each
// (key, alg) pair once. Promises are cached so parallel checks share one import.
const MAX_CACHED_KEYS = 512;
const importCache = new Map<string, Promise<CryptoKey>>();

function cacheKey(jwk: JsonWebKey, alg: string): string {
  const x5c = Array.isArray(jwk.x5c) ? String(jwk.x5c[0]) : '';
  return [alg, jwk.kty, jwk.kid, jwk.crv, jwk.n, jwk.e, jwk.x, jwk.y, jwk.n || jwk.x ? '' : x5c].join('|');
}

/** PEM text for the first certificate of an `x5c` chain (standard base64 DER, per RFC 7517). */
export function pemFromX5c(certificate: string): string {
  const body = certificate.replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

async function importFresh(jwk: JsonWebKey, alg: string): Promise<CryptoKey> {
  const expectedKty = keyTypeForAlg(alg);
  if (!expectedKty) throw new KeyImportError(`alg ${alg} is not supported for signature checks`, 'unsupported');
  const hasMaterial = typeof jwk.n === 'string' || typeof jwk.x === 'string';
  if (jwk.kty !== undefined && jwk.kty !== expectedKty) {
    throw new KeyImportError(`alg ${alg} cannot be verified with a ${String(jwk.kty)} key`, 'mismatch');
  }
  const { importJWK, importX509 } = await loadJose();
  try {
    if (hasMaterial) {
      // Only the public members: alg/use/key_ops on captured keys must not veto the check.
      const { kty, n, e, crv, x, y } = jwk;
      const publicJwk = Object.fromEntries(Object.entries({ kty, n, e, crv, x, y }).filter(([, v]) => v !== undefined));
      return (await importJWK(publicJwk as JWK, alg)) as CryptoKey;
    }
    const first = Array.isArray(jwk.x5c) ? jwk.x5c[0] : undefined;
    if (typeof first === 'string' && first.length > 0) return await importX509(pemFromX5c(first), alg);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 160) : 'unknown error';
    throw new KeyImportError(`key cannot be used for ${alg}: ${reason}`, 'unsupported');
  }
  throw new KeyImportError('key has neither public key members nor an x5c certificate', 'unsupported');
}

/** A verification key for `alg` from one JWKS entry (n/e, crv/x/y, or x5c only). Cached. */
export function importVerificationKey(jwk: JsonWebKey, alg: string): Promise<CryptoKey> {
  const key = cacheKey(jwk, alg);
  let pending = importCache.get(key);
  if (!pending) {
    if (importCache.size >= MAX_CACHED_KEYS) importCache.clear();
    pending = importFresh(jwk, alg);
    // A failed import is cached too: the same bad key fails the same way every time.
    importCache.set(key, pending);
  }
  return pending;
}
