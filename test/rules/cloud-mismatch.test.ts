import { beforeAll, describe, expect, it } from 'vitest';
import { rule as cloudMismatch } from '../../src/rules/cloud-mismatch.js';
import { accessClaims, makeKey, signToken, T0, TENANT, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { findingsOf, indexes, only } from './support/identity-traces.js';
import type { RuleCase } from './support/rule-cases.js';

let key: Key;
beforeAll(async () => {
  key = await makeKey('kid-1');
});

const GOV = `https://login.microsoftonline.us/${TENANT}`;
const PUBLIC = `https://login.microsoftonline.com/${TENANT}`;
const CHINA = `https://login.chinacloudapi.cn/${TENANT}`;

/** A client-credentials token from `authority`, delivered by its token endpoint. */
async function tokenFrom(b: TraceBuilder, authority: string, aud: string, scope = `${aud}/.default`): Promise<string> {
  const t = await signToken(key, accessClaims(T0, { aud, iss: `https://sts.windows.net/${TENANT}/`, ver: '1.0' }));
  b.add({
    url: `${authority}/oauth2/v2.0/token`,
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'c', client_secret: 's', scope }).toString(),
    responseBody: JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: t }),
  });
  return t;
}

const cases: RuleCase[] = [
  {
    name: 'valid: each cloud to its own Graph; a US Gov token at an App Service in the public cloud → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.api('https://graph.microsoft.com/v1.0/me', await tokenFrom(b, PUBLIC, 'https://graph.microsoft.com'));
      b.api('https://graph.microsoft.us/v1.0/me', await tokenFrom(b, GOV, 'https://graph.microsoft.us'));
      b.api('https://orders-api.azurewebsites.net/orders', await tokenFrom(b, GOV, 'api://orders'));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'US Gov token sent to public Graph and refused → error with both clouds and hosts',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFrom(b, GOV, 'https://graph.microsoft.us'); // #1
      b.api('https://graph.microsoft.com/v1.0/me', t, 401); // #2
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ rule: 'cloud-mismatch', severity: 'error' });
      expect(indexes(fs[0]!)).toEqual([2]);
      expect(fs[0]!.evidence).toMatchObject({
        authorityCloud: 'usgov',
        resourceCloud: 'public',
        authorityHosts: ['login.microsoftonline.us'],
        resourceHosts: ['graph.microsoft.com'],
        source: 'token-use',
        failedEntries: [{ input: 0, index: 2 }],
      });
    },
  },
  {
    name: 'public authority asked for a US Gov resource, AADSTS500011 → error carrying the code',
    build: async () => {
      const b = new TraceBuilder();
      b.add({
        url: `${PUBLIC}/oauth2/v2.0/token`,
        body: 'grant_type=client_credentials&client_id=c&client_secret=s&scope=https%3A%2F%2Fgraph.microsoft.us%2F.default',
        status: 400,
        responseBody: JSON.stringify({
          error: 'invalid_resource',
          error_description: "AADSTS500011: The resource principal named https://graph.microsoft.us was not found in the tenant named contoso. Trace ID: x",
          error_codes: [500011],
        }),
      });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', code: 'AADSTS500011', evidence: { source: 'token-request', authorityCloud: 'public', resourceCloud: 'usgov', resourceHosts: ['graph.microsoft.us'] } });
    },
  },
  {
    name: 'AADSTS90038 (tenant in another national cloud) → error',
    build: async () => {
      const b = new TraceBuilder();
      b.add({
        url: `${PUBLIC}/oauth2/v2.0/token`,
        body: 'grant_type=authorization_code&client_id=c&code=x',
        status: 400,
        responseBody: JSON.stringify({ error: 'invalid_request', error_description: 'AADSTS90038: Tenant is in a different national cloud. Trace ID: x', error_codes: [90038] }),
      });
      return b;
    },
    check: (fs) => expect(fs[0]).toMatchObject({ severity: 'error', code: 'AADSTS90038', evidence: { source: 'aadsts', authorityCloud: 'public' } }),
  },
  {
    name: 'China authority issues a token for a public Key Vault, never used → warning',
    build: async () => {
      const b = new TraceBuilder();
      await tokenFrom(b, CHINA, 'https://vault.azure.net', 'https://vault.azure.cn/.default');
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { source: 'audience', authorityCloud: 'china', resourceCloud: 'public' } });
    },
  },
];

describe('cloud-mismatch', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const b = await c.build();
      c.check(only(await findingsOf([cloudMismatch], b.build()), 'cloud-mismatch'));
    });
  }
});
