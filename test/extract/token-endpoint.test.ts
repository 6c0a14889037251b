import { describe, expect, it } from 'vitest';
import { isTokenEndpointRequest, tokenRequestOf } from '../../src/extract/oauth/token-endpoint.js';
import { bodyText, jsonObject } from '../../src/extract/util/body.js';
import { AUTHORITY, CLIENT_ID, TENANT, TraceBuilder } from '../helpers/trace-builder.js';

const V2 = `${AUTHORITY}/oauth2/v2.0/token`;

describe('token endpoint requests', () => {
  const clientAuth: [string, Record<string, string>, string][] = [
    ['client secret in the body', {}, `grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=s`],
    ['client secret as Basic', { Authorization: `Basic ${Buffer.from(`${CLIENT_ID}:s`).toString('base64')}` }, 'grant_type=client_credentials&scope=x'],
    ['certificate (private_key_jwt)', {}, `grant_type=client_credentials&client_id=${CLIENT_ID}&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=eyJ.a.b`],
    ['public client', {}, `grant_type=refresh_token&client_id=${CLIENT_ID}&refresh_token=r`],
  ];
  const expected = ['client_secret_post', 'client_secret_basic', 'private_key_jwt', 'none'];
  clientAuth.forEach(([name, headers, body], i) => {
    it(`client authentication: ${name}`, () => {
      const b = new TraceBuilder();
      const r = tokenRequestOf(b.add({ url: V2, headers, body }), undefined)!;
      expect(r.clientAuth).toBe(expected[i]);
      expect(r.clientId).toBe(CLIENT_ID);
      expect(r).toMatchObject({ endpointVersion: 'v2', tenant: TENANT, host: 'login.microsoftonline.com' });
    });
  });

  it('v1 endpoint with resource, response expiry and Retry-After', () => {
    const b = new TraceBuilder();
    const e = b.add({
      url: `${AUTHORITY}/oauth2/token`,
      body: `grant_type=authorization_code&client_id=${CLIENT_ID}&resource=https%3A%2F%2Fgraph.microsoft.com&code=c`,
      status: 429,
      responseHeaders: { 'Retry-After': '30' },
      responseBody: JSON.stringify({ token_type: 'Bearer', expires_in: '3599' }),
    });
    expect(tokenRequestOf(e, jsonObject(bodyText(e.response.body)))).toMatchObject({ endpointVersion: 'v1', grantType: 'authorization_code', resource: 'https://graph.microsoft.com', expiresIn: 3599, retryAfterSeconds: 30, status: 429 });
  });

  it('B2C and other token endpoints count when the body has grant_type; GETs and other POSTs do not', () => {
    const b = new TraceBuilder();
    expect(isTokenEndpointRequest(b.add({ url: 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/oauth2/v2.0/token', body: 'grant_type=authorization_code&code=c' }))).toBe(true);
    expect(isTokenEndpointRequest(b.add({ url: 'https://idp.example.com/connect/token', body: 'grant_type=password&username=u' }))).toBe(true);
    expect(isTokenEndpointRequest(b.add({ url: V2 }))).toBe(false);
    expect(isTokenEndpointRequest(b.add({ url: 'https://app.contoso.com/api/orders', body: '{"a":1}', bodyType: 'application/json' }))).toBe(false);
  });
});
