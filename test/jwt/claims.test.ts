import { describe, expect, it } from 'vitest';
import {
  audienceList,
  clientIdOf,
  isAppOnly,
  isGraphAudience,
  isGuid,
  isMicrosoftIssued,
  rolesOf,
  sameAudience,
  scopesOf,
  tokenVersion,
} from '../../src/jwt/index.js';

const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP = '5e1d3a44-9a42-4a45-8f43-4bd5a5e6c0a1';

describe('audiences', () => {
  it('audienceList accepts strings and arrays only', () => {
    expect(audienceList('a')).toEqual(['a']);
    expect(audienceList(['a', 3, '', 'b'])).toEqual(['a', 'b']);
    expect(audienceList(undefined)).toEqual([]);
    expect(audienceList('')).toEqual([]);
  });

  it.each([
    [`api://${APP}`, APP, true],
    [`API://${APP.toUpperCase()}/`, APP, true],
    ['https://contoso.com/orders/', 'https://CONTOSO.com/orders', true],
    ['https://contoso.com/orders', 'https://contoso.com/orders/v2', false],
    ['api://orders-api', 'orders-api', false],
    [APP, '00000003-0000-0000-c000-000000000000', false],
    ['', '', false],
    [undefined, APP, false],
  ])('sameAudience(%s, %s) -> %s', (a, b, expected) => {
    expect(sameAudience(a, b)).toBe(expected);
  });

  it.each([
    ['00000003-0000-0000-c000-000000000000', true],
    ['https://graph.microsoft.com', true],
    ['https://graph.microsoft.com/', true],
    ['https://graph.microsoft.us', true],
    ['https://dod-graph.microsoft.us/', true],
    ['https://microsoftgraph.chinacloudapi.cn', true],
    [['api://x', 'https://graph.microsoft.com'], true],
    ['https://graph.windows.net', false],
    ['https://graph.microsoft.com/v1.0', false],
    [`api://${APP}`, false],
  ])('isGraphAudience(%s) -> %s', (aud, expected) => {
    expect(isGraphAudience(aud)).toBe(expected);
  });

  it('isGuid', () => {
    expect(isGuid(APP)).toBe(true);
    expect(isGuid(APP.toUpperCase())).toBe(true);
    expect(isGuid(`{${APP}}`)).toBe(false);
    expect(isGuid(1)).toBe(false);
  });
});

describe('token facts', () => {
  it('scopesOf splits scp on spaces; rolesOf keeps the roles array', () => {
    expect(scopesOf({ scp: 'User.Read  Mail.Send ' })).toEqual(['User.Read', 'Mail.Send']);
    expect(scopesOf({ scope: 'openid profile' })).toEqual(['openid', 'profile']);
    expect(scopesOf({})).toEqual([]);
    expect(rolesOf({ roles: ['Orders.Admin', 7] })).toEqual(['Orders.Admin']);
    expect(rolesOf(undefined)).toEqual([]);
  });

  it.each([
    [{ idtyp: 'app', roles: [] }, true],
    [{ idtyp: 'user', roles: ['r'], oid: 'x', sub: 'x' }, false],
    [{ roles: ['Orders.Read.All'], oid: 'sp', sub: 'sp' }, true],
    [{ roles: ['Orders.Read.All'], oid: 'user', sub: 'pairwise' }, false],
    [{ scp: 'User.Read', roles: ['r'], oid: 'x', sub: 'x' }, false],
    [{ oid: 'x', sub: 'x' }, false],
  ])('isAppOnly(%o) -> %s', (claims, expected) => {
    expect(isAppOnly(claims)).toBe(expected);
  });

  it('tokenVersion prefers ver, then the issuer form', () => {
    expect(tokenVersion({ ver: '1.0', iss: `https://login.microsoftonline.com/${TID}/v2.0` })).toBe('1.0');
    expect(tokenVersion({ iss: `https://sts.windows.net/${TID}/` })).toBe('1.0');
    expect(tokenVersion({ iss: `https://login.microsoftonline.com/${TID}/v2.0` })).toBe('2.0');
    expect(tokenVersion({ iss: 'https://accounts.google.com' })).toBeUndefined();
  });

  it('clientIdOf reads appid (v1), azp (v2), client_id (RFC 9068)', () => {
    expect(clientIdOf({ appid: 'v1-client', azp: 'ignored' })).toBe('v1-client');
    expect(clientIdOf({ azp: 'v2-client' })).toBe('v2-client');
    expect(clientIdOf({ client_id: 'rfc-client' })).toBe('rfc-client');
    expect(clientIdOf({})).toBeUndefined();
  });

  it.each([
    [{ iss: `https://sts.windows.net/${TID}/` }, true],
    [{ iss: `https://login.microsoftonline.us/${TID}/v2.0` }, true],
    [{ iss: `https://contoso.b2clogin.com/${TID}/v2.0/` }, true],
    [{ iss: `https://${TID}.ciamlogin.com/${TID}/v2.0` }, true],
    [{ iss: 'https://login.microsoftonline.com/common/v2.0' }, true],
    [{ iss: 'https://adfs.contoso.com/adfs' }, false],
    [{ iss: 'https://accounts.google.com' }, false],
    [{}, false],
  ])('isMicrosoftIssued(%o) -> %s', (claims, expected) => {
    expect(isMicrosoftIssued(claims)).toBe(expected);
  });
});
