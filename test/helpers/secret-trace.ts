/**
 * A trace full of known secrets of every kind, for tests that scan outputs:
 * bearer JWTs, a refresh token, an authorization code, a client secret, a
 * client assertion, a password, cookie and Set-Cookie values.
 */
import { accessClaims, AUTHORITY, CLIENT_ID, makeKey, signToken, T0, TraceBuilder } from './trace-builder.js';
import type { Entry } from '../../src/model/index.js';

export interface SecretTrace {
  entries: Entry[];
  /** Every secret value planted in the trace. */
  secrets: string[];
  /** JWT signatures (also secret: with header and payload they are the token). */
  signatures: string[];
}

export async function secretTrace(): Promise<SecretTrace> {
  const key = await makeKey('kid-secret-test');
  const access = await signToken(key, accessClaims(T0, { upn: 'alice@contoso.example' }));
  const expired = await signToken(key, accessClaims(T0 - 3 * 3600_000));
  const idToken = await signToken(key, { ...accessClaims(T0), aud: CLIENT_ID, nonce: 'n-123', scp: undefined });
  const assertion = await signToken(key, { iss: CLIENT_ID, sub: CLIENT_ID, aud: `${AUTHORITY}/oauth2/v2.0/token`, exp: Math.floor(T0 / 1000) + 600, jti: 'j1' });
  const refresh = '0.ARoAv4j5cvGGr0GRqy180BHbR-REFRESH-SECRET-VALUE-0123456789';
  const code = '0.AAAAcode-SECRET-VALUE-abcdefghijklmnopqrstuvwxyz';
  const clientSecret = 'Qx8~client.SECRET_value-42';
  const password = 'hunter2-P@ssw0rd!';
  const cookie = 'ESTSAUTHPERSISTENT-cookie-SECRET-9876543210';

  const b = new TraceBuilder();
  b.jwks([key]);
  b.add({ url: `${AUTHORITY}/login`, body: `login=alice%40contoso.example&passwd=${encodeURIComponent(password)}&ctx=abc`, status: 302, responseHeaders: { Location: `https://app.example/cb?code=${code}&state=st1`, 'Set-Cookie': `ESTSAUTHPERSISTENT=${cookie}; path=/; secure; HttpOnly` } });
  b.add({ url: `https://app.example/cb?code=${code}&state=st1`, headers: { Cookie: `ESTSAUTHPERSISTENT=${cookie}; other=1` } });
  b.tokenResponse({
    form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code, client_secret: clientSecret, redirect_uri: 'https://app.example/cb' },
    tokens: { access_token: access, id_token: idToken, refresh_token: refresh },
  });
  b.tokenResponse({ form: { grant_type: 'client_credentials', client_id: CLIENT_ID, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion }, tokens: { access_token: access } });
  b.api('https://api.contoso.example/orders', access, 200);
  b.api('https://api.contoso.example/orders', expired, 401, { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="IDX10223: Lifetime validation failed. The token is expired."' });
  b.add({ url: `https://app.example/page?access_token=${access}`, headers: { Referer: `https://app.example/#id_token=${idToken}` } });
  b.tokenResponse({ form: { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: refresh }, tokens: { access_token: access } });
  const tokens = [access, expired, idToken, assertion];
  return {
    entries: b.build(),
    secrets: [...tokens, refresh, code, clientSecret, password, encodeURIComponent(password), cookie],
    signatures: tokens.map((t) => t.split('.')[2]!),
  };
}
