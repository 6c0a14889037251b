import { beforeAll, describe, expect, it } from 'vitest';
import { jwksSnapshot, metadataFetch, metadataKindOf, oidcMetadata } from '../../src/extract/keys/metadata.js';
import { bodyText, jsonObject } from '../../src/extract/util/body.js';
import { AUTHORITY, CLIENT_ID, ISSUER_V2, makeKey, sessionOf, TraceBuilder, type Key } from '../helpers/trace-builder.js';

let k1: Key;
let k2: Key;

beforeAll(async () => {
  [k1, k2] = await Promise.all([makeKey('kid-a'), makeKey('kid-b', 'ES256')]);
});

describe('key sets and OpenID metadata', () => {
  it('classifies metadata URLs', () => {
    expect(metadataKindOf(`${AUTHORITY}/v2.0/.well-known/openid-configuration`)).toBe('openid-configuration');
    expect(metadataKindOf(`${AUTHORITY}/discovery/v2.0/keys`)).toBe('jwks');
    expect(metadataKindOf('https://login.microsoftonline.com/common/discovery/keys?appid=x')).toBe('jwks');
    expect(metadataKindOf('https://idp.example.com/.well-known/jwks.json')).toBe('jwks');
    expect(metadataKindOf('https://app.contoso.com/index.html')).toBeUndefined();
  });

  it('a JWKS response becomes a snapshot with kids in order, issuers, receive time and the app id of ?appid=', () => {
    const b = new TraceBuilder();
    const e = b.jwks([k1, k2], `${AUTHORITY}/discovery/v2.0/keys?appid=${CLIENT_ID}`);
    const snap = jwksSnapshot(e, jsonObject(bodyText(e.response.body)))!;
    expect(snap).toMatchObject({ entry: { input: 0, index: 1 }, kids: ['kid-a', 'kid-b'], issuers: [ISSUER_V2], appId: CLIENT_ID, fetchedAt: e.startedAt + e.durationMs });
    expect(snap.keys.map((k) => k.kty)).toEqual(['RSA', 'EC']);
  });

  it('only successful JWKS-shaped bodies are snapshots', () => {
    const b = new TraceBuilder();
    const failed = b.add({ url: `${AUTHORITY}/discovery/v2.0/keys`, status: 500, responseBody: JSON.stringify({ keys: [{ kty: 'RSA', kid: 'x' }] }) });
    const notKeys = b.add({ url: 'https://api.example.com/keys', responseBody: JSON.stringify({ keys: ['a', 'b'] }) });
    expect(jwksSnapshot(failed, jsonObject(bodyText(failed.response.body)))).toBeUndefined();
    expect(jwksSnapshot(notKeys, jsonObject(bodyText(notKeys.response.body)))).toBeUndefined();
  });

  it('openid-configuration: issuer, jwks_uri, endpoints', () => {
    const b = new TraceBuilder();
    const e = b.add({
      url: `${AUTHORITY}/v2.0/.well-known/openid-configuration`,
      responseBody: JSON.stringify({ issuer: ISSUER_V2, jwks_uri: `${AUTHORITY}/discovery/v2.0/keys`, token_endpoint: `${AUTHORITY}/oauth2/v2.0/token`, authorization_endpoint: `${AUTHORITY}/oauth2/v2.0/authorize` }),
    });
    expect(oidcMetadata(e, jsonObject(bodyText(e.response.body)))).toMatchObject({ issuer: ISSUER_V2, jwksUri: `${AUTHORITY}/discovery/v2.0/keys`, tokenEndpoint: `${AUTHORITY}/oauth2/v2.0/token` });
  });

  it('metadata fetches record failures (status, network error) and skip CORS preflights', () => {
    const b = new TraceBuilder();
    const dns = b.add({ url: `${AUTHORITY}/discovery/v2.0/keys`, status: 0, error: 'net::ERR_NAME_NOT_RESOLVED' });
    const preflight = b.add({ url: `${AUTHORITY}/v2.0/.well-known/openid-configuration`, method: 'OPTIONS', status: 204 });
    expect(metadataFetch(dns)).toMatchObject({ kind: 'jwks', status: 0, error: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(metadataFetch(preflight)).toBeUndefined();
  });

  it('the session sorts key sets by fetch time', async () => {
    const b = new TraceBuilder();
    b.jwks([k1, k2]);
    b.wait(60);
    b.jwks([k2]);
    const s = await sessionOf(b.build());
    expect(s.jwks.map((j) => j.kids)).toEqual([['kid-a', 'kid-b'], ['kid-b']]);
    expect(s.metadataFetches.map((f) => f.status)).toEqual([200, 200]);
  });
});
