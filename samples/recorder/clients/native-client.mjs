// A desktop/CLI app (public client) written with openid-client: it opens the
// system browser for the sign-in, receives the code on a loopback redirect,
// redeems it with PKCE, calls an API and refreshes its token when needed.
import http from 'node:http';
import * as oidc from 'openid-client';
import { ISSUER, NATIVE_CLIENT } from '../lib/tenant.mjs';
import { closeServer, listenLocal } from '../lib/net-util.mjs';

/** The loopback listener that receives the browser's redirect (127.0.0.1 only). */
export async function startLoopback() {
  let resolveCallback;
  const callback = new Promise((resolve) => { resolveCallback = resolve; });
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html><title>Signed in</title><p>Authentication complete. You can close this window.</p>');
    resolveCallback(new URL(req.url, `http://localhost:${server.address().port}`));
  });
  const port = await listenLocal(server);
  return { port, redirectUri: `http://localhost:${port}/`, callback, close: () => closeServer(server) };
}

export class NativeApp {
  constructor(fetchImpl, redirectUri) {
    this.fetchImpl = fetchImpl;
    this.redirectUri = redirectUri;
  }

  async discover() {
    this.config = await oidc.discovery(new URL(ISSUER), NATIVE_CLIENT.clientId, { redirect_uris: [this.redirectUri] }, oidc.None(), {
      [oidc.customFetch]: this.fetchImpl,
    });
    this.config[oidc.customFetch] = this.fetchImpl;
  }

  async authorizationUrl(scope) {
    this.verifier = oidc.randomPKCECodeVerifier();
    this.state = oidc.randomState();
    return oidc.buildAuthorizationUrl(this.config, {
      redirect_uri: this.redirectUri,
      scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(this.verifier),
      code_challenge_method: 'S256',
      state: this.state,
    }).href;
  }

  async redeem(callbackUrl, scope) {
    this.tokens = await oidc.authorizationCodeGrant(this.config, callbackUrl, {
      pkceCodeVerifier: this.verifier, expectedState: this.state,
    }, { scope });
    return this.tokens;
  }

  async refresh(scope) {
    this.tokens = await oidc.refreshTokenGrant(this.config, this.tokens.refresh_token, { scope });
    return this.tokens;
  }

  async call(url) {
    const r = await this.fetchImpl(url, { headers: { Authorization: `Bearer ${this.tokens.access_token}`, Accept: 'application/json', 'Accept-Encoding': 'gzip' } });
    await r.arrayBuffer();
    return r.status;
  }
}
