import { beforeAll, describe, expect, it } from 'vitest';
import { tokenId } from '../../src/jwt/index.js';
import { requestCandidates } from '../../src/extract/tokens/request-tokens.js';
import { accessClaims, AUTHORITY, CLIENT_ID, ISSUER_V2, makeKey, sessionOf, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';

const API = 'https://api.contoso.com/orders';
let key: Key;
let at: string;
let idt: string;

beforeAll(async () => {
  key = await makeKey('kid-1');
  at = await signToken(key, accessClaims(Date.parse('2024-05-01T10:00:00Z')));
  idt = await signToken(key, { iss: ISSUER_V2, aud: CLIENT_ID, sub: 's', nonce: 'n', exp: 2_000_000_000 });
});

describe('tokens sent in requests', () => {
  const table: { name: string; spec: () => Parameters<TraceBuilder['add']>[0]; where: string; field?: string; value: () => string }[] = [
    { name: 'Authorization: Bearer', spec: () => ({ url: API, headers: { Authorization: `Bearer ${at}` } }), where: 'authorization', field: 'bearer', value: () => at },
    { name: 'Authorization: PoP', spec: () => ({ url: API, headers: { Authorization: `PoP ${at}` } }), where: 'authorization', field: 'pop', value: () => at },
    { name: 'lower-case scheme', spec: () => ({ url: API, headers: { authorization: `bearer ${at}` } }), where: 'authorization', field: 'bearer', value: () => at },
    {
      name: 'client_assertion in a token request body',
      spec: () => ({ url: `${AUTHORITY}/oauth2/v2.0/token`, body: `grant_type=client_credentials&client_id=${CLIENT_ID}&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=${at}` }),
      where: 'body',
      field: 'client_assertion',
      value: () => at,
    },
    { name: 'id_token_hint in a logout query', spec: () => ({ url: `${AUTHORITY}/oauth2/v2.0/logout?id_token_hint=${idt}` }), where: 'query', field: 'id_token_hint', value: () => idt },
    { name: 'access token in a Referer query', spec: () => ({ url: 'https://cdn.example.net/x.png', headers: { Referer: `https://app.contoso.com/?access_token=${at}` } }), where: 'header', field: 'referer', value: () => at },
    { name: 'form_post to the redirect URI', spec: () => ({ url: 'https://app.contoso.com/signin-oidc', body: `id_token=${idt}&state=abc` }), where: 'form_post', field: 'id_token', value: () => idt },
    { name: 'JWT in a cookie', spec: () => ({ url: API, headers: { Cookie: `theme=dark; session=${at}` } }), where: 'cookie', field: 'session', value: () => at },
    { name: 'upper-case header names', spec: () => ({ url: API, headers: { AUTHORIZATION: `Bearer ${at}` } }), where: 'authorization', field: 'bearer', value: () => at },
    { name: 'JWT in an upper-case Cookie header', spec: () => ({ url: API, headers: { COOKIE: `session=${at}` } }), where: 'cookie', field: 'session', value: () => at },
    { name: 'JWT in a short custom header', spec: () => ({ url: API, headers: { 'X-Token': at } }), where: 'header', field: 'x-token', value: () => at },
    { name: 'JWT in a custom header', spec: () => ({ url: API, headers: { 'X-Ms-Token-Aad-Id-Token': idt } }), where: 'header', field: 'x-ms-token-aad-id-token', value: () => idt },
    { name: 'refresh_token in a JSON body', spec: () => ({ url: 'https://app.contoso.com/api/refresh', body: JSON.stringify({ refresh_token: '0.AXoA-refresh' }), bodyType: 'application/json' }), where: 'body', field: 'refresh_token', value: () => '0.AXoA-refresh' },
  ];
  for (const row of table) {
    it(`finds the token: ${row.name}`, () => {
      const b = new TraceBuilder();
      const entry = b.add(row.spec());
      const found = requestCandidates(entry).candidates.find((c) => c.value === row.value());
      expect(found).toBeDefined();
      expect(found!.where).toBe(row.where);
      if (row.field) expect(found!.field).toBe(row.field);
    });
  }

  it('a stray "code" query parameter (no state/session_state) is not a token; an OAuth one is', () => {
    const b = new TraceBuilder();
    expect(requestCandidates(b.add({ url: 'https://shop.example.com/?code=SUMMER24' })).candidates).toEqual([]);
    const oauth = requestCandidates(b.add({ url: 'https://app.contoso.com/cb?code=0.AXoAcode&state=s' })).candidates;
    expect(oauth).toEqual([{ value: '0.AXoAcode', where: 'query', field: 'code', kindHint: 'code' }]);
  });

  it('an empty "Authorization: Bearer" is flagged, not turned into a token', () => {
    const b = new TraceBuilder();
    const scan = requestCandidates(b.add({ url: API, headers: { Authorization: 'Bearer ' } }));
    expect(scan).toEqual({ candidates: [], emptyBearer: true, authorization: 'Bearer ', cookie: false });
  });

  it('Basic / NTLM credentials are not bearer tokens', () => {
    const b = new TraceBuilder();
    expect(requestCandidates(b.add({ url: API, headers: { Authorization: 'Basic dXNlcjpwYXNz' } })).candidates).toEqual([]);
    expect(requestCandidates(b.add({ url: API, headers: { Authorization: 'NTLM TlRMTVNTUAABAAAAB4II' } })).candidates).toEqual([]);
  });

  it('uses record entry, place, status, host and send time; the same token sent twice has two uses', async () => {
    const b = new TraceBuilder();
    b.api(API, at, 401, { 'WWW-Authenticate': 'Bearer' });
    b.wait(10);
    b.api('https://billing.contoso.com/x', at, 200);
    const s = await sessionOf(b.build());
    const t = s.tokens.find((x) => x.id === tokenId(at))!;
    expect(t.kind).toBe('access');
    expect(t.uses).toEqual([
      { input: 0, index: 1, where: 'authorization', field: 'bearer', status: 401, host: 'api.contoso.com', sentAt: b.build()[0]!.startedAt },
      { input: 0, index: 2, where: 'authorization', field: 'bearer', status: 200, host: 'billing.contoso.com', sentAt: b.build()[1]!.startedAt },
    ]);
    expect(s.tokens.some((x) => x.compact === at && x.uses.length === 2)).toBe(true);
  });
});
