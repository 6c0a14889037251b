import { describe, expect, it } from 'vitest';
import { authorizeRequestOf, authorizeResponsesOf, redirectTarget } from '../../src/extract/oauth/authorize.js';
import { tokenId } from '../../src/jwt/index.js';
import { AUTHORITY, CLIENT_ID, sessionOf, TENANT, TraceBuilder } from '../helpers/trace-builder.js';

const APP = 'https://app.contoso.com';

describe('authorize requests and responses', () => {
  it('reads an authorize request (GET) with every OAuth/OIDC parameter', () => {
    const b = new TraceBuilder();
    const e = b.add({
      url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=code&redirect_uri=${encodeURIComponent(`${APP}/cb`)}&response_mode=fragment&scope=openid%20profile&state=abc%7Cdef&nonce=n1&code_challenge=xyz&code_challenge_method=S256&prompt=select_account`,
    });
    expect(authorizeRequestOf(e)).toEqual({
      entry: { input: 0, index: 1 },
      sentAt: e.startedAt,
      host: 'login.microsoftonline.com',
      tenant: TENANT,
      clientId: CLIENT_ID,
      redirectUri: `${APP}/cb`,
      responseType: 'code',
      responseMode: 'fragment',
      scope: 'openid profile',
      state: 'abc|def',
      nonce: 'n1',
      codeChallenge: 'xyz',
      prompt: 'select_account',
    });
  });

  it('an authorize POST (form) is read too; a page merely named /authorize without client_id is not', () => {
    const b = new TraceBuilder();
    const post = b.add({ url: `${AUTHORITY}/oauth2/authorize`, body: `client_id=${CLIENT_ID}&response_type=id_token&state=s&nonce=n` });
    const other = b.add({ url: 'https://shop.example.com/authorize?step=2' });
    expect(authorizeRequestOf(post)).toMatchObject({ clientId: CLIENT_ID, responseType: 'id_token', state: 's' });
    expect(authorizeRequestOf(other)).toBeUndefined();
  });

  it('responses: Location query, Location fragment, the redirect URI request, form_post; each with its target', () => {
    const b = new TraceBuilder();
    const loc = b.add({ url: `${AUTHORITY}/login`, body: 'x=1', status: 302, responseHeaders: { Location: `${APP}/cb?code=C1&state=S1&session_state=x` } });
    const frag = b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=c&response_type=token`, status: 302, responseHeaders: { Location: `${APP}/spa#access_token=AT&state=S2` } });
    const own = b.add({ url: `${APP}/cb?code=C1&state=S1` });
    const post = b.add({ url: `${APP}/signin-oidc`, body: 'id_token=IDT&state=S3' });
    const relative = b.add({ url: `${APP}/login/callback?x=1`, status: 302, responseHeaders: { Location: '/cb?error=access_denied&error_description=AADSTS65004&state=S4' } });
    expect(authorizeResponsesOf(loc)).toMatchObject([{ via: 'location-query', target: `${APP}/cb` }]);
    expect(authorizeResponsesOf(frag)).toMatchObject([{ via: 'location-fragment', target: `${APP}/spa` }]);
    expect(authorizeResponsesOf(own)).toMatchObject([{ via: 'url-query', target: `${APP}/cb` }]);
    expect(authorizeResponsesOf(post)).toMatchObject([{ via: 'form_post', target: `${APP}/signin-oidc` }]);
    expect(authorizeResponsesOf(relative)).toMatchObject([{ via: 'location-query', target: `${APP}/cb` }]);
    expect(redirectTarget('not a url', 'also not')).toBeUndefined();
  });

  it('in the session, responses name their tokens by fingerprint and carry OAuth errors', async () => {
    const b = new TraceBuilder();
    b.add({ url: `${AUTHORITY}/login`, body: 'x=1', status: 302, responseHeaders: { Location: `${APP}/cb?code=0.AXoAcode&state=S1` } });
    b.add({ url: `${AUTHORITY}/login`, body: 'x=2', status: 302, responseHeaders: { Location: `${APP}/cb?error=invalid_request&error_description=AADSTS50011%3A+The+redirect+URI+does+not+match.&state=S2` } });
    const s = await sessionOf(b.build());
    expect(s.authorizeResponses).toMatchObject([
      { entry: { index: 1 }, via: 'location-query', state: 'S1', code: tokenId('0.AXoAcode') },
      { entry: { index: 2 }, via: 'location-query', state: 'S2', error: { error: 'invalid_request', codes: ['AADSTS50011'] } },
    ]);
    // The code named by the response is the token the registry holds.
    expect(s.tokens.find((t) => t.id === tokenId('0.AXoAcode'))).toMatchObject({ kind: 'code', issuedAt: { index: 1, where: 'query' } });
  });
});
