import type { TokenKind } from '../../model/index.js';
import type { DecodedToken } from '../../jwt/index.js';

/**
 * Decide a token's kind. The field it travelled in wins when it is explicit
 * (refresh_token, id_token, client_assertion); otherwise the claims decide:
 * an id token has a nonce or at_hash and no scp/roles; a client assertion is
 * self-issued (iss = sub) to a token endpoint.
 */
export function classifyToken(decoded: DecodedToken, hint: TokenKind | undefined): TokenKind {
  if (hint === 'refresh' || hint === 'code' || hint === 'client-assertion' || hint === 'id') return hint;
  if (decoded.format === 'opaque') return hint ?? 'opaque';
  const c = decoded.claims;
  const h = decoded.header;
  if (!c) return hint ?? 'access';
  if (typeof h?.typ === 'string' && h.typ.toLowerCase() === 'at+jwt') return 'access';
  const hasScopes = c.scp !== undefined || c.roles !== undefined || c.scope !== undefined;
  if (!hasScopes && typeof c.iss === 'string' && c.iss === c.sub && typeof c.aud === 'string' && /token/i.test(c.aud)) {
    return 'client-assertion';
  }
  if (!hasScopes && (c.nonce !== undefined || c.at_hash !== undefined || c.c_hash !== undefined)) return 'id';
  if (!hasScopes && typeof c.aud === 'string' && c.aud === c.azp && c.appid === undefined) return hint ?? 'id';
  return hint ?? 'access';
}
