import { loadJose } from './jose-lazy.js';
import type { SignatureStatus } from '../model/index.js';
import { isGraphAudience } from './audience.js';
import { decodeToken, type DecodedToken } from './decode.js';
import { importVerificationKey, KeyImportError } from './key-import.js';
import { candidateKeys, kidOf } from './key-match.js';
import type { JsonWebKey } from './jwk.js';

export interface SignatureCheck {
  status: SignatureStatus;
  /** One plain sentence; names kids and algs, never key material or token parts. */
  detail: string;
  /** The kid (or x5t) of the key that verified or was tried. */
  matchedKid?: string;
}

export interface VerifyOptions {
  /** The token already decoded by the caller, to skip decoding it again. */
  decoded?: DecodedToken;
}

const HMAC = /^HS(256|384|512)$/i;

/** Decide the status from the header alone, when no key can change the answer. */
function statusFromHeader(decoded: DecodedToken): SignatureCheck | undefined {
  if (decoded.format === 'jwe') return { status: 'unverifiable', detail: 'encrypted token (JWE): only its recipient can read and check it' };
  if (decoded.format === 'opaque') return { status: 'unverifiable', detail: 'not a JWT, so there is no signature to check' };
  const header = decoded.header;
  if (!header) return { status: 'invalid', detail: `malformed token: ${decoded.problems.join('; ')}` };
  const alg = typeof header.alg === 'string' ? header.alg : '';
  if (alg.toLowerCase() === 'none') return { status: 'invalid', detail: 'alg none: the token is not signed' };
  if (!alg) return { status: 'invalid', detail: 'the header has no alg' };
  if (decoded.signatureRemoved) return { status: 'not-checked', detail: 'signature removed (sanitized trace)' };
  if (HMAC.test(alg)) return { status: 'unverifiable', detail: `${alg} is signed with a shared secret, which no trace contains` };
  if (header.nonce !== undefined) {
    const graph = isGraphAudience(decoded.claims?.aud);
    return {
      status: 'unverifiable',
      detail: graph
        ? 'Microsoft Graph token (nonce in header): only Graph can check its signature'
        : 'nonce in header (Graph-style token): only the resource it was issued for can check its signature',
    };
  }
  // Payload problems do not stop the check: a signature over odd bytes can still verify.
  for (const problem of ['signature part is empty', 'signature is not valid base64url']) {
    if (decoded.problems.includes(problem)) return { status: 'invalid', detail: problem };
  }
  return undefined;
}

type Attempt = { outcome: 'valid' | 'invalid' | 'mismatch' | 'unsupported'; kid?: string; detail: string };

async function tryKey(compact: string, key: JsonWebKey, alg: string): Promise<Attempt> {
  const kid = kidOf(key);
  const base: Pick<Attempt, 'kid'> = kid === undefined ? {} : { kid };
  let cryptoKey;
  try {
    cryptoKey = await importVerificationKey(key, alg);
  } catch (error) {
    if (error instanceof KeyImportError) return { ...base, outcome: error.reason, detail: error.message };
    return { ...base, outcome: 'unsupported', detail: 'key could not be imported' };
  }
  const { compactVerify, errors } = await loadJose();
  try {
    await compactVerify(compact, cryptoKey, { algorithms: [alg] });
    return { ...base, outcome: 'valid', detail: 'signature verifies' };
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ...base, outcome: 'invalid', detail: 'signature does not verify' };
    if (error instanceof errors.JWSInvalid) return { ...base, outcome: 'invalid', detail: 'malformed JWS' };
    // crit headers jose does not know, b64=false and the like: not a verdict on the token.
    const code = error instanceof errors.JOSEError ? error.code : 'error';
    return { ...base, outcome: 'unsupported', detail: `cannot check (${code})` };
  }
}

function withKid(check: Omit<SignatureCheck, 'matchedKid'>, kid: string | undefined): SignatureCheck {
  return kid === undefined ? check : { ...check, matchedKid: kid };
}

/**
 * Check a JWS against keys captured in a trace (a JWKS `keys` array, possibly merged
 * from several responses). Never throws; never needs the network.
 */
export async function verifySignature(
  compact: string,
  keys: readonly JsonWebKey[],
  options: VerifyOptions = {},
): Promise<SignatureCheck> {
  const decoded = options.decoded ?? decodeToken(compact);
  const early = statusFromHeader(decoded);
  if (early) return early;
  const header = decoded.header ?? {};
  const alg = String(header.alg);
  const named = typeof header.kid === 'string' ? `kid ${header.kid}` : typeof header.x5t === 'string' ? `x5t ${header.x5t}` : 'no kid';

  const keyList = Array.isArray(keys) ? keys : [];
  const candidates = candidateKeys(header, keyList);
  if (candidates.keys.length === 0) {
    return { status: 'key-not-found', detail: `${named} is not in the ${keyList.length} captured key(s)` };
  }
  const attempts: Attempt[] = [];
  for (const key of candidates.keys) {
    const attempt = await tryKey(compact.trim(), key, alg);
    if (attempt.outcome === 'valid') {
      const how = candidates.by === 'none-named' ? 'token names no key; found by trying each' : `matched by ${candidates.by}`;
      return withKid({ status: 'valid', detail: `signature verifies (${how})` }, attempt.kid);
    }
    attempts.push(attempt);
  }
  const first = attempts[0];
  if (candidates.by === 'none-named') {
    return { status: 'key-not-found', detail: `token names no key and none of ${attempts.length} key(s) verifies it` };
  }
  const verdict = attempts.find((a) => a.outcome === 'invalid' || a.outcome === 'mismatch');
  if (verdict) return withKid({ status: 'invalid', detail: `${named}: ${verdict.detail}` }, verdict.kid);
  return withKid({ status: 'unverifiable', detail: `${named}: ${first?.detail ?? 'cannot check'}` }, first?.kid);
}
