// Browser code of the sample single-page app: authorization code + PKCE
// against the tenant's v2.0 endpoints, tokens kept in sessionStorage, API
// calls with bearer tokens. The recorder drives it through window.spa.
(() => {
  const cfg = window.SPA_CONFIG;
  const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));
  const store = {
    get: (k) => JSON.parse(sessionStorage.getItem(k) || 'null'),
    set: (k, v) => sessionStorage.setItem(k, JSON.stringify(v)),
  };
  const resourceOf = (scope) => (scope.split(' ').find((s) => s.startsWith('api://')) || '').replace(/\/[^/]*$/, '');

  async function tokenRequest(params) {
    const r = await fetch(`${cfg.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams({ client_id: cfg.clientId, ...params }).toString(),
    });
    const body = await r.json();
    if (r.ok) {
      const tokens = store.get('tokens') || { access: {} };
      tokens.access[resourceOf(params.scope || store.get('pkce')?.scope || '')] = body.access_token;
      if (body.refresh_token) tokens.refresh = body.refresh_token;
      if (body.id_token) tokens.id = body.id_token;
      store.set('tokens', tokens);
    }
    return { status: r.status, error: body.error, errorCodes: body.error_codes, claims: body.claims };
  }

  async function signIn({ scope, redirectUri = cfg.redirectUri, prompt, claims } = {}) {
    const verifier = random(32);
    const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const state = random(16);
    store.set('pkce', { verifier, state, scope, redirectUri });
    const u = new URL(`${cfg.authority}/oauth2/v2.0/authorize`);
    const q = {
      client_id: cfg.clientId, scope, redirect_uri: redirectUri, response_type: 'code', response_mode: 'fragment',
      state, nonce: random(16), code_challenge: challenge, code_challenge_method: 'S256', 'client-request-id': crypto.randomUUID(),
    };
    if (prompt) q.prompt = prompt;
    if (claims) q.claims = claims;
    for (const [k, v] of Object.entries(q)) u.searchParams.set(k, v);
    location.assign(u.toString());
  }

  async function handleRedirect() {
    const h = new URLSearchParams(location.hash.slice(1));
    if (h.has('error')) {
      store.set('lastError', { error: h.get('error'), description: h.get('error_description') });
      history.replaceState(null, '', '/');
      return 'error';
    }
    if (!h.has('code')) return 'none';
    const saved = store.get('pkce');
    if (!saved || saved.state !== h.get('state')) throw new Error('state mismatch');
    history.replaceState(null, '', '/');
    const r = await tokenRequest({
      grant_type: 'authorization_code', code: h.get('code'), redirect_uri: saved.redirectUri, code_verifier: saved.verifier, scope: saved.scope,
    });
    return r.status === 200 ? 'signed-in' : 'token-error';
  }

  const refresh = (scope) => tokenRequest({ grant_type: 'refresh_token', refresh_token: store.get('tokens').refresh, scope });

  async function callApi(url, { resource, token, withToken = true } = {}) {
    const headers = {};
    const t = token || store.get('tokens')?.access[resource];
    if (withToken) headers.Authorization = `Bearer ${t}`;
    const r = await fetch(url, { headers });
    await r.text();
    return { status: r.status, wwwAuthenticate: r.headers.get('www-authenticate') };
  }

  /** Calls anonymously first and authenticates only when the API challenges. */
  async function callApiOnChallenge(url, resource) {
    const first = await callApi(url, { withToken: false });
    if (first.status !== 401) return [first];
    return [first, await callApi(url, { resource })];
  }

  /** The payload edited (an extra scope) while header and signature stay: what a hand-edited token looks like. */
  function tamperedToken(resource, extraScope) {
    const [h, p, s] = store.get('tokens').access[resource].split('.');
    const claims = JSON.parse(atob(p.replace(/-/g, '+').replace(/_/g, '/')));
    claims.scp = `${claims.scp} ${extraScope}`;
    return [h, b64url(new TextEncoder().encode(JSON.stringify(claims))), s].join('.');
  }

  async function loadSigningKeys() {
    const meta = await (await fetch(`${cfg.authority}/v2.0/.well-known/openid-configuration`)).json();
    const jwks = await (await fetch(meta.jwks_uri)).json();
    return jwks.keys.map((k) => k.kid);
  }

  const accessToken = (resource) => store.get('tokens')?.access[resource];
  window.spa = {
    signIn, refresh, callApi, callApiOnChallenge, tamperedToken, loadSigningKeys, accessToken, lastError: () => store.get('lastError'),
  };
  window.spa.ready = handleRedirect().then((s) => { document.body.dataset.state = s; return s; });
})();
