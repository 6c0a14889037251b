import { beforeAll, describe, expect, it } from 'vitest';
import { rule as issuerMismatch } from '../../src/rules/issuer-mismatch.js';
import { accessClaims, ISSUER_V1, ISSUER_V2, makeKey, signToken, T0, TENANT, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { API, bearerError, findingsOf, idx10205, indexes, only } from './support/identity-traces.js';
import type { RuleCase } from './support/rule-cases.js';

let key: Key;
beforeAll(async () => {
  key = await makeKey('kid-1');
});

const OTHER_TENANT = 'bbbbbbbb-1111-2222-3333-444444444444';
const MSA = '9188040d-6c67-4c5b-b112-36a304b66dad';
const token = (extra: Record<string, unknown> = {}) => signToken(key, accessClaims(T0, extra));
const v1 = (tid = TENANT) => token({ iss: `https://sts.windows.net/${tid}/`, tid, ver: '1.0' });

const cases: RuleCase[] = [
  {
    name: 'valid: v2 token accepted, expectations met in any case/slash form → nothing',
    settings: { expectTenant: TENANT.toUpperCase(), expectIssuers: [`${ISSUER_V2}/`.toUpperCase()] },
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await token());
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'API expects v2 issuer, gets a v1 token (IDX10205) → error, version difference, code',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await v1(), 401, idx10205(ISSUER_V1, ISSUER_V2));
      b.api(`${API}/b`, await v1(), 401, idx10205(ISSUER_V1, ISSUER_V2));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      const f = fs[0]!;
      expect(f).toMatchObject({ rule: 'issuer-mismatch', severity: 'error', code: 'IDX10205' });
      expect(indexes(f)).toEqual([1, 2]);
      expect(f.evidence).toMatchObject({ iss: ISSUER_V1, expectedIssuers: [ISSUER_V2], issuerKind: 'v1', expectedIssuerKinds: ['v2'], tid: TENANT, difference: 'version', source: 'api-error' });
      expect(f.advice).toMatch(/accessTokenAcceptedVersion/);
    },
  },
  {
    name: 'token from another tenant (IDX10205) → tenant difference',
    build: async () => {
      const b = new TraceBuilder();
      const iss = `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`;
      b.api(`${API}/a`, await token({ iss, tid: OTHER_TENANT }), 401, idx10205(iss, ISSUER_V2));
      return b;
    },
    check: (fs) => expect(fs[0]!.evidence).toMatchObject({ difference: 'tenant', tid: OTHER_TENANT }),
  },
  {
    name: 'ASP.NET "The issuer \'x\' is invalid" → error without code',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await v1(), 401, bearerError(`The issuer '${ISSUER_V1}' is invalid`));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', evidence: { iss: ISSUER_V1, source: 'api-error' } });
      expect(fs[0]!.code).toBeUndefined();
    },
  },
  {
    name: 'Azure RM InvalidAuthenticationTokenTenant → expected tenant issuer parsed',
    build: async () => {
      const b = new TraceBuilder();
      b.api(
        'https://management.azure.com/subscriptions/s1?api-version=2022-12-01',
        await token({ aud: 'https://management.azure.com', iss: `https://sts.windows.net/${OTHER_TENANT}/`, tid: OTHER_TENANT }),
        401,
        bearerError(`The access token is from the wrong issuer 'https://sts.windows.net/${OTHER_TENANT}/'. It must match the tenant 'https://sts.windows.net/${TENANT}/' associated with this subscription.`),
      );
      return b;
    },
    check: (fs) => expect(fs[0]!.evidence).toMatchObject({ expectedIssuers: [`https://sts.windows.net/${TENANT}/`], difference: 'tenant' }),
  },
  {
    name: '--expect-tenant differs: accepted → warning naming the personal-account tenant; refused → error',
    settings: { expectTenant: TENANT },
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await token({ iss: `https://login.microsoftonline.com/${MSA}/v2.0`, tid: MSA })); // #1
      b.api(`${API}/b`, await token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, tid: OTHER_TENANT }), 401); // #2
      return b;
    },
    check: (fs) => {
      expect(fs.map((f) => [f.severity, f.evidence.tid])).toEqual([
        ['warning', MSA],
        ['error', OTHER_TENANT],
      ]);
      expect(fs[0]!.title).toMatch(/personal-account/);
      expect(fs[1]!.evidence).toMatchObject({ expectedTenant: TENANT, refusedEntries: [{ input: 0, index: 2 }], source: 'expect-tenant' });
    },
  },
  {
    name: '--expect-tenant as a domain name cannot be compared → nothing',
    settings: { expectTenant: 'contoso.onmicrosoft.com' },
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await token({ tid: OTHER_TENANT }));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: '--expect-iss v2 while the API gets v1 tokens → warning; a Graph token is left alone',
    settings: { expectIssuers: [ISSUER_V2] },
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await v1());
      b.api('https://graph.microsoft.com/v1.0/me', await token({ aud: '00000003-0000-0000-c000-000000000000', iss: ISSUER_V1, ver: '1.0' }));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { source: 'expect-iss', difference: 'version', iss: ISSUER_V1 } });
      expect(indexes(fs[0]!)).toEqual([1]);
    },
  },
  {
    name: 'token from a tenant other than the one in the authority URL → warning',
    build: async () => {
      const b = new TraceBuilder();
      b.tokenResponse({ form: { grant_type: 'client_credentials', client_id: 'c', client_secret: 's' }, tokens: { access_token: await token({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }) } });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { source: 'authority-tenant', tid: OTHER_TENANT, expectedTenant: TENANT } });
    },
  },
  {
    name: 'B2C issuer form differs → b2c-form difference',
    build: async () => {
      const b = new TraceBuilder();
      const iss = `https://contoso.b2clogin.com/${TENANT}/v2.0/`;
      b.api(`${API}/a`, await token({ iss, tfp: 'B2C_1_signin' }), 401, idx10205(iss, `https://login.contoso.com/${TENANT}/v2.0/`));
      return b;
    },
    check: (fs) => expect(fs[0]!.evidence).toMatchObject({ difference: 'b2c-form', issuerKind: 'b2c' }),
  },
  {
    name: 'IDX10204: the API has no issuer configured → error with configuration advice',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await token(), 401, bearerError('IDX10204: Unable to validate issuer. validationParameters.ValidIssuer is null or whitespace AND validationParameters.ValidIssuers is null or empty.'));
      return b;
    },
    check: (fs) => {
      expect(fs[0]).toMatchObject({ severity: 'error', code: 'IDX10204' });
      expect(fs[0]!.advice).toMatch(/no issuer to compare/);
    },
  },
];

describe('issuer-mismatch', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const b = await c.build();
      c.check(only(await findingsOf([issuerMismatch], b.build(), c.settings), 'issuer-mismatch'));
    });
  }
});
