// RS256 signing keys with Entra-shaped key ids: kid = x5t = base64url(SHA-1)
// of the public key, 27 characters, like the keys Entra publishes.
import crypto from 'node:crypto';

export function newSigningKey() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const kid = crypto.createHash('sha1').update(spki).digest('base64url');
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid, use: 'sig', alg: 'RS256' };
}

/** The public half, as a JWKS entry. */
export function publicJwk(key) {
  const { kty, n, e, kid, use } = key;
  return { kty, use, kid, x5t: kid, n, e };
}
