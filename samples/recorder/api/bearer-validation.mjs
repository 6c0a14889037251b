// Validates a bearer token in the order JsonWebTokenHandler does (signature,
// then lifetime with clock skew, audience, issuer) and reports the first
// failure with its IDX message. Signatures are checked with jose.
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import { IDX } from './idx-messages.mjs';

async function verifyWith(token, jwk) {
  try {
    await compactVerify(token, await importJWK({ ...jwk, alg: 'RS256' }, 'RS256'));
    return true;
  } catch {
    return false;
  }
}

async function checkSignature(token, header, cache) {
  let keys = await cache.currentKeys();
  let match = keys.find((k) => k.kid === header.kid);
  // Like 7.x handlers: on an unknown kid, refresh once (if the interval allows) and retry.
  if (!match && await cache.requestRefresh()) {
    keys = cache.keys;
    match = keys.find((k) => k.kid === header.kid);
  }
  if (!match) return { failure: IDX.kidNotFound(header.kid, keys), kind: 'SecurityTokenSignatureKeyNotFoundException' };
  if (!await verifyWith(token, match)) return { failure: IDX.signatureInvalid(header.kid, keys), kind: 'SecurityTokenInvalidSignatureException' };
  return {};
}

/**
 * @returns {Promise<{ claims?: object, failure?: {code, text}, kind?: string }>}
 */
export async function validateBearer(token, { cache, validAudience, validIssuer, clockSkewSeconds }) {
  let header;
  let claims;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    return { failure: IDX.malformed(), kind: 'SecurityTokenMalformedException' };
  }
  const sig = await checkSignature(token, header, cache);
  if (sig.failure) return sig;

  const now = new Date();
  const skewMs = clockSkewSeconds * 1000;
  if (typeof claims.nbf === 'number' && claims.nbf * 1000 > now.getTime() + skewMs) {
    return { failure: IDX.notYetValid(new Date(claims.nbf * 1000), now), kind: 'SecurityTokenNotYetValidException' };
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 < now.getTime() - skewMs) {
    return { failure: IDX.expired(new Date(claims.exp * 1000), now), kind: 'SecurityTokenExpiredException' };
  }
  const auds = [].concat(claims.aud ?? []);
  if (!auds.includes(validAudience)) {
    return { failure: IDX.audience(auds, validAudience), kind: 'SecurityTokenInvalidAudienceException' };
  }
  if (claims.iss !== validIssuer) {
    return { failure: IDX.issuer(claims.iss, validIssuer), kind: 'SecurityTokenInvalidIssuerException' };
  }
  return { claims };
}
