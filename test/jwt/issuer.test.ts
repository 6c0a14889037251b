import { describe, expect, it } from 'vitest';
import { cloudOf, isMicrosoftAuthority, issuerKind, tenantOfIssuer } from '../../src/jwt/index.js';

const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('issuerKind', () => {
  it.each([
    [`https://sts.windows.net/${TID}/`, undefined, 'v1'],
    [`https://sts.chinacloudapi.cn/${TID}/`, undefined, 'v1'],
    [`https://login.microsoftonline.com/${TID}/v2.0`, undefined, 'v2'],
    [`https://login.microsoftonline.us/${TID}/v2.0`, undefined, 'v2'],
    [`https://login.partner.microsoftonline.cn/${TID}/v2.0`, undefined, 'v2'],
    [`https://login.chinacloudapi.cn/${TID}/v2.0`, undefined, 'v2'],
    ['https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0', undefined, 'v2'],
    [`https://contosob2c.b2clogin.com/${TID}/v2.0/`, undefined, 'b2c'],
    [`https://contosob2c.b2clogin.com/tfp/${TID}/b2c_1_signin/v2.0/`, undefined, 'b2c'],
    [`https://login.contoso.com/${TID}/v2.0/`, { tfp: 'B2C_1_signupsignin' }, 'b2c'],
    [`https://login.contoso.com/${TID}/v2.0/`, { acr: 'b2c_1a_signin' }, 'b2c'],
    [`https://login.microsoftonline.com/${TID}/v2.0/`, { acr: 'b2c_1_signin' }, 'b2c'],
    [`https://login.contoso.com/${TID}/v2.0/`, { acr: '1' }, 'other'],
    [`https://${TID}.ciamlogin.com/${TID}/v2.0`, undefined, 'ciam'],
    ['https://adfs.contoso.com/adfs', undefined, 'adfs'],
    ['http://adfs.contoso.com/adfs/services/trust', undefined, 'adfs'],
    ['https://accounts.google.com', undefined, 'other'],
    [`https://sts.windows.net/${TID}/extra/`, undefined, 'other'],
    ['not a url', undefined, 'other'],
    [42, undefined, 'other'],
  ])('%s -> %s', (iss, claims, kind) => {
    expect(issuerKind(iss, claims)).toBe(kind);
  });
});

describe('tenantOfIssuer', () => {
  it.each([
    [`https://sts.windows.net/${TID}/`, TID],
    [`https://login.microsoftonline.com/${TID.toUpperCase()}/v2.0`, TID],
    [`https://contosob2c.b2clogin.com/tfp/${TID}/b2c_1_signin/v2.0/`, TID],
    [`https://${TID}.ciamlogin.com/`, TID],
    ['https://adfs.contoso.com/adfs', undefined],
    ['https://login.microsoftonline.com/common/v2.0', undefined],
    [undefined, undefined],
  ])('%s -> %s', (iss, tenant) => {
    expect(tenantOfIssuer(iss)).toBe(tenant);
  });
});

describe('cloudOf', () => {
  it.each([
    ['https://login.microsoftonline.com/common/oauth2/v2.0/token', 'public'],
    ['sts.windows.net', 'public'],
    ['graph.microsoft.com', 'public'],
    ['contoso.b2clogin.com', 'public'],
    ['https://login.microsoftonline.us/x', 'usgov'],
    ['graph.microsoft.us', 'usgov'],
    ['dod-graph.microsoft.us', 'usgov'],
    ['https://management.usgovcloudapi.net/', 'usgov'],
    ['login.chinacloudapi.cn', 'china'],
    ['https://login.partner.microsoftonline.cn/common', 'china'],
    ['sts.chinacloudapi.cn', 'china'],
    ['https://microsoftgraph.chinacloudapi.cn/v1.0/me', 'china'],
    ['login.microsoftonline.de', 'germany'],
    ['graph.microsoft.de', 'germany'],
    ['LOGIN.MICROSOFTONLINE.US:443', 'usgov'],
    ['api.contoso.com', 'unknown'],
    ['evilmicrosoftonline.com', 'unknown'],
    ['', 'unknown'],
    ['https://[bad', 'unknown'],
  ])('%s -> %s', (input, cloud) => {
    expect(cloudOf(input)).toBe(cloud);
  });
});

describe('isMicrosoftAuthority', () => {
  it.each([
    ['login.microsoftonline.com', true],
    ['https://login.windows.net/common', true],
    ['westus2.login.microsoft.com', true],
    ['login.microsoftonline.us', true],
    ['login.partner.microsoftonline.cn', true],
    ['contoso.b2clogin.com', true],
    ['contoso.ciamlogin.com', true],
    ['login.live.com', true],
    ['graph.microsoft.com', false],
    ['adfs.contoso.com', false],
    ['login.microsoftonline.com.evil.example', false],
  ])('%s -> %s', (host, expected) => {
    expect(isMicrosoftAuthority(host)).toBe(expected);
  });
});
