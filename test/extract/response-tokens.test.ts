import { beforeAll, describe, expect, it } from 'vitest';
import { tokenId } from '../../src/jwt/index.js';
import type { Session } from '../../src/extract/index.js';
import { accessClaims, AUTHORITY, CLIENT_ID, ISSUER_V2, makeKey, sessionOf, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';

const APP = 'https://app.contoso.com';
let key: Key;
let at: string;
let idt: string;

beforeAll(async () => {
  key = await makeKey('kid-1');
  at = await signToken(key, accessClaims(Date.parse('2024-05-01T10:00:00Z')));
  idt = await signToken(key, { iss: ISSUER_V2, aud: CLIENT_ID, sub: 's', nonce: 'n', exp: 2_000_000_000 });
});

const token = (s: Session, value: string) => s.tokens.find((t) => t.id === tokenId(value));

describe('tokens handed out in responses', () => {
  it('token endpoint JSON: access, ID and refresh tokens with grant, client, scope and expiry', async () => {
    const b = new TraceBuilder();
    b.tokenResponse({
      form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code: '0.AXoAcode', scope: 'openid api://x/Files.Read' },
      tokens: { access_token: at, id_token: idt, refresh_token: '1.AXoA-refresh', expires_in: 3599, scope: 'api://x/Files.Read' },
    });
    const s = await sessionOf(b.build());
    expect(token(s, at)).toMatchObject({ kind: 'access', format: 'jws', issuedAt: { index: 1, where: 'response', field: 'access_token', grantType: 'authorization_code', clientId: CLIENT_ID, scope: 'openid api://x/Files.Read', expiresIn: 3599 } });
    expect(token(s, idt)).toMatchObject({ kind: 'id', issuedAt: { field: 'id_token' } });
    expect(token(s, '1.AXoA-refresh')).toMatchObject({ kind: 'refresh', format: 'opaque', issuedAt: { field: 'refresh_token' } });
    // The code sent in the request is a use, and every issued token names it as what was redeemed.
    expect(token(s, '0.AXoAcode')).toMatchObject({ kind: 'code', uses: [{ where: 'body', field: 'code' }] });
    expect(token(s, at)!.redeemed).toBe(tokenId('0.AXoAcode'));
    expect(s.tokenRequests[0]).toMatchObject({ grantType: 'authorization_code', clientAuth: 'none', endpointVersion: 'v2', expiresIn: 3599 });
    expect(s.tokenRequests[0]!.issuedTokens).toEqual(expect.arrayContaining([tokenId(at), tokenId(idt), tokenId('1.AXoA-refresh')]));
  });

  it('refresh chain: each refreshed token points at the refresh token it was redeemed with', async () => {
    const b = new TraceBuilder();
    b.tokenResponse({ form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code: 'c1' }, tokens: { access_token: at, refresh_token: 'R1' } });
    b.wait(3000);
    const at2 = await signToken(key, accessClaims(b.time));
    b.tokenResponse({ form: { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: 'R1' }, tokens: { access_token: at2, refresh_token: 'R2' } });
    const s = await sessionOf(b.build());
    expect(token(s, at2)).toMatchObject({ redeemed: tokenId('R1'), issuedAt: { grantType: 'refresh_token', index: 2 } });
    expect(token(s, 'R2')!.redeemed).toBe(tokenId('R1'));
    expect(token(s, 'R1')).toMatchObject({ kind: 'refresh', issuedAt: { index: 1 }, uses: [{ index: 2, where: 'body', field: 'refresh_token' }] });
  });

  it('implicit flow: tokens in the Location fragment and in HAR redirectURL', async () => {
    const b = new TraceBuilder();
    b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=id_token%20token&state=s&nonce=n`, status: 302, responseHeaders: { Location: `${APP}/#access_token=${at}&id_token=${idt}&state=s` } });
    const at2 = await signToken(key, accessClaims(b.time, { oid: 'x' }));
    b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=token&state=t`, status: 302, redirectURL: `${APP}/#access_token=${at2}&state=t` });
    const s = await sessionOf(b.build());
    expect(token(s, at)).toMatchObject({ kind: 'access', issuedAt: { index: 1, where: 'fragment', field: 'access_token' } });
    expect(token(s, idt)).toMatchObject({ kind: 'id', issuedAt: { index: 1, where: 'fragment', field: 'id_token' } });
    expect(token(s, at2)).toMatchObject({ issuedAt: { index: 2, where: 'fragment' } });
    expect(s.authorizeResponses.filter((r) => r.via === 'location-fragment').map((r) => [r.state, r.accessToken, r.target])).toEqual([
      ['s', tokenId(at), `${APP}/`],
      ['t', tokenId(at2), `${APP}/`],
    ]);
  });

  it('form_post page (hidden inputs) issues the ID token; the POST to the redirect URI uses it', async () => {
    const b = new TraceBuilder();
    b.add({ url: `${AUTHORITY}/login`, body: 'x=1', responseType: 'text/html', responseBody: `<html><body onload="document.forms[0].submit()"><form method="POST" action="${APP}/signin-oidc"><input type="hidden" name="code" value="0.AXoAcode"/><input type="hidden" name="id_token" value="${idt}"/><input type="hidden" name="state" value="s1"/></form></body></html>` });
    b.add({ url: `${APP}/signin-oidc`, body: `code=0.AXoAcode&id_token=${idt}&state=s1`, status: 302, responseHeaders: { Location: '/' } });
    const s = await sessionOf(b.build());
    expect(token(s, idt)).toMatchObject({ kind: 'id', issuedAt: { index: 1, where: 'form_post', field: 'id_token' }, uses: [{ index: 2, where: 'form_post', field: 'id_token' }] });
    expect(token(s, '0.AXoAcode')).toMatchObject({ kind: 'code', issuedAt: { where: 'form_post' } });
    expect(s.authorizeResponses).toMatchObject([{ entry: { index: 2 }, via: 'form_post', state: 's1', idToken: tokenId(idt), code: tokenId('0.AXoAcode'), target: `${APP}/signin-oidc` }]);
  });

  it('JWT in Set-Cookie and in a JSON body field; a JWT-looking string in a script is kept with field "body"', async () => {
    const b = new TraceBuilder();
    b.add({ url: `${APP}/login`, responseHeaders: { 'Set-Cookie': `app_session=${at}; path=/; HttpOnly` } });
    b.add({ url: `${APP}/.auth/me`, responseBody: JSON.stringify([{ id_token: idt }]).slice(1, -1) });
    b.add({ url: `${APP}/main.js`, responseType: 'text/javascript', responseBody: `var t="${await signToken(key, { demo: true })}";` });
    const s = await sessionOf(b.build());
    expect(token(s, at)).toMatchObject({ issuedAt: { where: 'cookie', field: 'app_session' } });
    expect(token(s, idt)).toMatchObject({ kind: 'id', issuedAt: { where: 'response', field: 'id_token' } });
    expect(s.tokens.find((t) => t.claims?.demo === true)).toMatchObject({ issuedAt: { where: 'response', field: 'body' } });
  });

  it('kinds: at+jwt, v1 app-only access token, client assertion, ID token without hint', async () => {
    const b = new TraceBuilder();
    const rfc9068 = await signToken(key, { iss: 'https://idp.example.com', aud: 'api', sub: 'u', client_id: 'c', exp: 2_000_000_000 }, { typ: 'at+jwt' });
    const appOnly = await signToken(key, { iss: 'https://sts.windows.net/t/', aud: 'api://x', appid: CLIENT_ID, roles: ['Orders.Read'], oid: 'o', sub: 'o', idtyp: 'app', exp: 2_000_000_000 });
    const assertion = await signToken(key, { iss: CLIENT_ID, sub: CLIENT_ID, aud: `${AUTHORITY}/oauth2/v2.0/token`, jti: 'j', exp: 2_000_000_000 });
    b.api('https://api.example.com/', rfc9068);
    b.api('https://api.contoso.com/', appOnly);
    b.add({ url: 'https://app.contoso.com/debug', headers: { 'X-Debug': assertion } });
    b.add({ url: 'https://app.contoso.com/whoami', headers: { 'X-Id': idt } });
    const s = await sessionOf(b.build());
    expect([rfc9068, appOnly, assertion, idt].map((v) => token(s, v)?.kind)).toEqual(['access', 'access', 'client-assertion', 'id']);
  });
});
