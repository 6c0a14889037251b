import type { Severity, TokenKind } from '../model/index.js';
import { audienceList, isGraphAudience } from './audience.js';
import { epochClaim, rolesOf, scopesOf } from './claims.js';
import type { DecodedToken } from './decode.js';
import { formatDuration, isoFromEpochSeconds } from './times.js';

/** Something about a token that deserves a second look, judged from the token alone. */
export interface TokenWarning {
  code:
    | 'alg-none'
    | 'alg-hmac'
    | 'expired'
    | 'not-yet-valid'
    | 'no-exp'
    | 'no-kid'
    | 'remote-key-header'
    | 'embedded-jwk'
    | 'graph-nonce'
    | 'no-aud'
    | 'nbf-after-exp'
    | 'long-lifetime';
  severity: Severity;
  message: string;
}

export interface LintOptions {
  /** What the token was used as, when known; otherwise guessed from its claims. */
  kind?: TokenKind;
  /** Label for the moment `atMs` stands for ("now" for the decode command). */
  reference?: string;
}

const DAY = 86_400;
// Clients that declare CAE (xms_cc contains cp1) get long-lived access tokens, up to 28 h.
const CAE_MAX_LIFETIME = 28 * 3_600;

function looksLikeAccessToken(decoded: DecodedToken, kind: TokenKind | undefined): boolean {
  if (kind) return kind === 'access';
  const claims = decoded.claims ?? {};
  const typ = typeof decoded.header?.typ === 'string' ? decoded.header.typ.toLowerCase() : '';
  return typ === 'at+jwt' || scopesOf(claims).length > 0 || rolesOf(claims).length > 0 || claims.idtyp !== undefined || claims.appid !== undefined;
}

function isCaeClient(claims: Record<string, unknown>): boolean {
  const cc = claims.xms_cc;
  return (Array.isArray(cc) && cc.includes('cp1')) || cc === 'cp1';
}

function headerWarnings(decoded: DecodedToken, header: Record<string, unknown>): TokenWarning[] {
  const out: TokenWarning[] = [];
  const claims = decoded.claims;
  // A JWE's kid names the recipient's decryption key; only a JWS must name its signing key.
  const isJwe = decoded.format === 'jwe';
  const alg = typeof header.alg === 'string' ? header.alg : '';
  if (alg.toLowerCase() === 'none') out.push({ code: 'alg-none', severity: 'error', message: 'alg is none: the token is not signed at all' });
  else if (/^HS(256|384|512)$/i.test(alg)) {
    out.push({ code: 'alg-hmac', severity: 'warning', message: `alg ${alg} uses a shared secret; Entra signs its tokens with RSA keys` });
  }
  if (!isJwe && typeof header.kid !== 'string' && alg.toLowerCase() !== 'none') {
    const hint = typeof header.x5t === 'string' ? ' (only x5t names the key)' : '';
    out.push({ code: 'no-kid', severity: 'warning', message: `no kid in the header: a validator cannot pick the signing key by id${hint}` });
  }
  for (const name of ['jku', 'x5u'] as const) {
    if (header[name] !== undefined) {
      out.push({ code: 'remote-key-header', severity: 'warning', message: `header has ${name}: validators must never fetch keys from a URL the token names` });
    }
  }
  if (header.jwk !== undefined) {
    out.push({ code: 'embedded-jwk', severity: 'warning', message: 'header embeds its own jwk: a token cannot vouch for its own key' });
  }
  if (header.nonce !== undefined) {
    const who = isGraphAudience(claims?.aud) ? 'Microsoft Graph token' : 'Graph-style token';
    out.push({ code: 'graph-nonce', severity: 'info', message: `nonce in the header (${who}): only the resource it was issued for can check the signature` });
  }
  return out;
}

function timeWarnings(decoded: DecodedToken, atMs: number, reference: string, kind: TokenKind | undefined): TokenWarning[] {
  const claims = decoded.claims;
  if (!claims) return [];
  const out: TokenWarning[] = [];
  const at = atMs / 1000;
  const exp = epochClaim(claims, 'exp');
  const nbf = epochClaim(claims, 'nbf');
  const iat = epochClaim(claims, 'iat');
  if (exp === undefined) out.push({ code: 'no-exp', severity: 'warning', message: 'no exp claim: the token never expires' });
  else if (exp <= at) {
    out.push({ code: 'expired', severity: 'warning', message: `expired ${formatDuration(at - exp)} before ${reference} (exp ${isoFromEpochSeconds(exp)})` });
  }
  if (nbf !== undefined && nbf > at) {
    out.push({ code: 'not-yet-valid', severity: 'warning', message: `not valid until ${formatDuration(nbf - at)} after ${reference} (nbf ${isoFromEpochSeconds(nbf)})` });
  }
  if (nbf !== undefined && exp !== undefined && nbf > exp) {
    out.push({ code: 'nbf-after-exp', severity: 'error', message: 'nbf is after exp: the token is never valid' });
  }
  const start = nbf ?? iat;
  if (exp !== undefined && start !== undefined && exp > start && looksLikeAccessToken(decoded, kind)) {
    const lifetime = exp - start;
    const limit = isCaeClient(claims) ? CAE_MAX_LIFETIME : DAY;
    if (lifetime > limit) {
      out.push({ code: 'long-lifetime', severity: 'warning', message: `access token lives ${formatDuration(lifetime)}, unusually long (Entra default: 60-90 min)` });
    }
  }
  return out;
}

/** Everything that looks wrong about a decoded token at moment `atMs`. Pure; never throws. */
export function tokenWarnings(decoded: DecodedToken, atMs: number, options: LintOptions = {}): TokenWarning[] {
  const out: TokenWarning[] = [];
  if (decoded.header) out.push(...headerWarnings(decoded, decoded.header));
  if (decoded.format === 'jws' && decoded.claims) {
    out.push(...timeWarnings(decoded, atMs, options.reference ?? 'this request', options.kind));
    if (audienceList(decoded.claims.aud).length === 0) out.push({ code: 'no-aud', severity: 'warning', message: 'no aud claim: any API could accept it' });
  }
  return out;
}
