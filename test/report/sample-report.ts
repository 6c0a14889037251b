/**
 * Realistic reports for the formatter tests: a signing-key rollover seen by an
 * API, an AADSTS error on the token endpoint, and an informational finding.
 */
import type { Report } from '../../src/model/report.js';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWS-shaped string (never a real token) for leak tests. */
export function fakeJwt(): string {
  const header = b64url({ alg: 'RS256', kid: 'nOo3ZDrODXEK1jKWhXslHR_KXEg', typ: 'JWT' });
  const payload = b64url({ aud: 'api://orders', iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/', exp: 1714557900 });
  return `${header}.${payload}.c2lnbmF0dXJlLWJ5dGVzLW5vdC1yZWFsbHktc2lnbmVk`;
}

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

export function sampleReport(): Report {
  return {
    schemaVersion: '1.0',
    tool: { name: 'trace-audit', version: '0.1.0' },
    generatedAt: '2024-05-01T12:00:00.000Z',
    settings: { clockSkewSeconds: 300, skewThresholdSeconds: 60, expectAudiences: [], expectIssuers: [], redaction: 'default' },
    inputs: [
      {
        path: '/cases/4711/session.har',
        format: 'har',
        producer: 'Chrome 131',
        entries: 214,
        sizeBytes: 4_812_004,
        sha256: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
      },
    ],
    summary: {
      entries: 214,
      tokens: 2,
      findings: { error: 2, warning: 0, info: 1 },
      timeRange: ['2024-05-01T10:00:00.000Z', '2024-05-01T10:03:12.500Z'],
      hosts: [
        { host: 'login.microsoftonline.com', entries: 40 },
        { host: 'orders.contoso.com', entries: 31 },
        { host: 'graph.microsoft.com', entries: 12 },
      ],
      statuses: { '200': 180, '302': 12, '401': 3, '0': 1, '400': 18 },
    },
    tokens: [
      {
        id: '3f9c0a1b2c4d',
        kind: 'access',
        format: 'jws',
        alg: 'RS256',
        kid: 'nOo3ZDrODXEK1jKWhXslHR_KXEg',
        iss: `https://sts.windows.net/${TENANT}/`,
        aud: 'api://orders',
        tid: TENANT,
        appid: '0e8a1b2c-3d4e-5f60-7182-93a4b5c6d7e8',
        scp: 'Orders.Read',
        roles: [],
        iat: 1714557600,
        nbf: 1714557600,
        exp: 1714561500,
        issuerKind: 'v1',
        cloud: 'public',
        issuedAt: { input: 0, index: 18, where: 'response', field: 'access_token', grantType: 'authorization_code', time: '2024-05-01T10:00:01.200Z' },
        uses: [
          { input: 0, index: 20, where: 'authorization', field: 'authorization', status: 200, host: 'orders.contoso.com', time: '2024-05-01T10:00:02.000Z' },
          { input: 0, index: 24, where: 'authorization', field: 'authorization', status: 401, host: 'orders.contoso.com', time: '2024-05-01T10:01:02.000Z' },
        ],
        signature: 'valid',
        signatureDetail: 'verified with key nOo3ZDrODXEK1jKWhXslHR_KXEg from the JWKS in #12',
      },
      {
        id: '9ab8c7d6e5f4',
        kind: 'id',
        format: 'jws',
        alg: 'RS256',
        kid: 'graph-nonce-key',
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        aud: ['0e8a1b2c-3d4e-5f60-7182-93a4b5c6d7e8'],
        exp: 1714561500,
        uses: [],
        signature: 'unverifiable',
      },
    ],
    findings: [
      {
        id: 'F1',
        rule: 'signing-key-rotated',
        severity: 'error',
        title: 'API refused a token signed with a newly published key',
        message: 'orders.contoso.com refused token 3f9c0a1b2c4d (kid nOo3ZDrO…) with IDX10501 while the key was already published in the JWKS at #12.',
        entries: [{ input: 0, index: 24 }, { input: 0, index: 25 }],
        tokens: ['3f9c0a1b2c4d'],
        time: '2024-05-01T10:01:02.000Z',
        code: 'IDX10501',
        evidence: {
          oldKid: 'kWbkaa6qs8wsTnBwiiNYOhHbnAw',
          newKid: 'nOo3ZDrODXEK1jKWhXslHR_KXEg',
          jwksBefore: { entry: { input: 0, index: 3 }, kids: ['kWbkaa6qs8wsTnBwiiNYOhHbnAw'] },
          jwksAfter: { entry: { input: 0, index: 12 }, kids: ['kWbkaa6qs8wsTnBwiiNYOhHbnAw', 'nOo3ZDrODXEK1jKWhXslHR_KXEg'] },
          recoveredAt: { input: 0, index: 30 },
          refusedAt: 1714557662000,
        },
        advice: 'Restart the API or shorten its metadata refresh interval so it picks up the new signing key; do not pin keys.',
      },
      {
        id: 'F2',
        rule: 'aad-error',
        severity: 'error',
        title: 'AADSTS50011: redirect URI mismatch',
        message: 'The token endpoint answered invalid_grant with AADSTS50011 for client 0e8a1b2c.',
        entries: [{ input: 0, index: 17 }],
        tokens: [],
        time: '2024-05-01T10:00:01.000Z',
        code: 'AADSTS50011',
        evidence: { clientId: '0e8a1b2c-3d4e-5f60-7182-93a4b5c6d7e8', grantType: 'authorization_code', redirectUri: 'https://app.contoso.com/signin-oidc' },
        advice: 'Register the exact redirect URI (scheme, host, path, trailing slash) on the app registration.',
      },
      {
        id: 'F3',
        rule: 'unverifiable-token',
        severity: 'info',
        title: 'Token cannot be verified by a third party',
        message: 'Token 9ab8c7d6e5f4 carries a nonce header, as Microsoft Graph tokens do; only Graph can check its signature.',
        entries: [{ input: 0, index: 40 }],
        tokens: ['9ab8c7d6e5f4'],
        evidence: { reason: 'nonce header' },
        advice: 'Nothing to fix: request a token for your own API to check signatures.',
      },
    ],
    warnings: [{ code: 'har-entry-invalid', message: 'entry 77 has no response object; kept with status 0', entries: [{ input: 0, index: 77 }] }],
  };
}

/** The same report read from two inputs, with a finding spanning both. */
export function twoInputReport(): Report {
  const report = sampleReport();
  report.inputs.push({
    path: 'C:\\traces\\fiddler capture.saz',
    format: 'saz',
    producer: 'Fiddler Classic',
    entries: 50,
    sizeBytes: 800_000,
    sha256: '0'.repeat(64),
  });
  report.findings[0]!.entries = [{ input: 0, index: 24 }, { input: 1, index: 41 }];
  return report;
}
