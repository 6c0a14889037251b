import { beforeAll, describe, expect, it } from 'vitest';
import { rule as audienceMismatch } from '../../src/rules/audience-mismatch.js';
import { accessClaims, API_APP_ID, makeKey, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { API, bearerError, findingsOf, idx10214, indexes, only, OTHER_API } from './support/identity-traces.js';
import type { RuleCase } from './support/rule-cases.js';

let key: Key;
beforeAll(async () => {
  key = await makeKey('kid-1');
});

const ORDERS_AUD = `api://${API_APP_ID}`;
const REPORTS_AUD = 'api://reports-0000-1111';
const tokenFor = (aud: unknown, extra: Record<string, unknown> = {}) => signToken(key, accessClaims(Date.parse('2024-05-01T10:00:00Z'), { aud, ...extra }));

const cases: RuleCase[] = [
  {
    name: 'valid: token for the API accepted; first call without a token gets 401 then the retry succeeds → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, undefined, 401, { 'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="${API_APP_ID}"` });
      b.api(`${API}/a`, await tokenFor(ORDERS_AUD));
      b.add({ method: 'OPTIONS', url: `${API}/b`, status: 204 });
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'token minted for API A sent to API B (IDX10214), fixed with a token for B → error with both audiences and fixedAt',
    build: async () => {
      const b = new TraceBuilder();
      const forOrders = await tokenFor(ORDERS_AUD);
      b.api(`${API}/orders`, forOrders); // #1 accepted at A
      b.api(`${OTHER_API}/reports`, forOrders, 401, idx10214(ORDERS_AUD, REPORTS_AUD)); // #2
      b.api(`${OTHER_API}/reports`, forOrders, 401, idx10214(ORDERS_AUD, REPORTS_AUD)); // #3
      b.api(`${OTHER_API}/reports`, await tokenFor(REPORTS_AUD)); // #4 fixed
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      const f = fs[0]!;
      expect(f).toMatchObject({ rule: 'audience-mismatch', severity: 'error', code: 'IDX10214' });
      expect(indexes(f)).toEqual([2, 3, 4]);
      expect(f.evidence).toMatchObject({
        aud: [ORDERS_AUD],
        expectedAudience: [REPORTS_AUD],
        api: 'reports.fabrikam.com',
        status: 401,
        refusedEntries: [{ input: 0, index: 2 }, { input: 0, index: 3 }],
        fixedAt: { entry: { input: 0, index: 4 }, aud: [REPORTS_AUD] },
      });
      expect(f.tokens).toHaveLength(2);
      expect(f.message).toMatch(/Fixed at #4/);
    },
  },
  {
    name: 'ASP.NET "The audience \'x\' is invalid" without IDX → error, expected audience from the fix',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${OTHER_API}/r`, await tokenFor(ORDERS_AUD), 401, bearerError(`The audience '${ORDERS_AUD}' is invalid`));
      b.api(`${OTHER_API}/r`, await tokenFor(REPORTS_AUD));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.code).toBeUndefined();
      expect(fs[0]!.evidence).toMatchObject({ source: ['api-error'], expectedAudience: [REPORTS_AUD], fixedAt: { entry: { input: 0, index: 2 } } });
    },
  },
  {
    name: 'IDX10214 only in a problem+json body with escaped quotes → error with parsed audiences',
    build: async () => {
      const b = new TraceBuilder();
      const detail = `IDX10214: Audience validation failed. Audiences: \\u0027${ORDERS_AUD}\\u0027. Did not match: validationParameters.ValidAudience: \\u0027${REPORTS_AUD}\\u0027 or validationParameters.ValidAudiences: \\u0027null\\u0027.`;
      b.add({
        url: `${OTHER_API}/r`,
        headers: { Authorization: `Bearer ${await tokenFor(ORDERS_AUD)}` },
        status: 401,
        responseHeaders: { 'WWW-Authenticate': 'Bearer' },
        responseType: 'application/problem+json',
        responseBody: `{"title":"Unauthorized","status":401,"detail":"${detail}"}`,
      });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ code: 'IDX10214', evidence: { aud: [ORDERS_AUD], expectedAudience: [REPORTS_AUD] } });
    },
  },
  {
    name: 'client id GUID vs App ID URI refused by the API → error marked formOnly',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await tokenFor(ORDERS_AUD, { ver: '1.0' }), 401, idx10214(ORDERS_AUD, API_APP_ID));
      b.api(`${API}/a`, await tokenFor(API_APP_ID));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.evidence).toMatchObject({ formOnly: true, expectedAudience: [API_APP_ID], fixedAt: { entry: { input: 0, index: 2 } } });
      expect(fs[0]!.advice).toMatch(/accessTokenAcceptedVersion/);
    },
  },
  {
    name: '--expect-aud in another form (GUID, trailing slash) → nothing',
    settings: { expectAudiences: [API_APP_ID, 'https://api.contoso.com/'] },
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await tokenFor(ORDERS_AUD));
      b.api(`${API}/b`, await tokenFor('https://api.contoso.com'));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: '--expect-aud differs: accepted → warning; refused → error',
    settings: { expectAudiences: [REPORTS_AUD] },
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await tokenFor(ORDERS_AUD)); // #1 accepted
      b.api(`${OTHER_API}/b`, await tokenFor('api://legacy'), 401); // #2 refused
      b.api('https://graph.microsoft.com/v1.0/me', await tokenFor('https://graph.microsoft.com')); // #3 Graph is left alone
      return b;
    },
    check: (fs) => {
      expect(fs.map((f) => [f.severity, indexes(f)])).toEqual([
        ['warning', [1]],
        ['error', [2]],
      ]);
      expect(fs[0]!.evidence).toMatchObject({ source: ['expect-aud'], expectedAudience: [REPORTS_AUD], acceptedEntries: [{ input: 0, index: 1 }] });
    },
  },
  {
    name: 'Graph token sent to the app\'s own API (refused with IDX10511) → error, wrong resource, code kept',
    build: async () => {
      const b = new TraceBuilder();
      const graph = await tokenFor('00000003-0000-0000-c000-000000000000');
      b.api('https://graph.microsoft.com/v1.0/me', graph); // #1
      b.api(`${API}/a`, graph, 401, bearerError("IDX10511: Signature validation failed. Keys tried: 'k1'. kid: 'kid-1'.")); // #2
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', code: 'IDX10511' });
      expect(fs[0]!.evidence).toMatchObject({ wrongResource: { tokenFor: 'Microsoft Graph', sentTo: 'api.contoso.com' }, refusedEntries: [{ input: 0, index: 2 }] });
    },
  },
  {
    name: 'bare 401 for aud X, then a token for aud Y gets through at the same API → error, refused-then-accepted',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${OTHER_API}/r`, await tokenFor(ORDERS_AUD), 401, { 'WWW-Authenticate': 'Bearer' });
      b.wait(2);
      b.api(`${OTHER_API}/r`, await tokenFor(REPORTS_AUD));
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.evidence).toMatchObject({ source: ['refused-then-accepted'], expectedAudience: [REPORTS_AUD], fixedAt: { entry: { input: 0, index: 2 } } });
    },
  },
  {
    name: 'same token accepted by one API, bare 401 at another → warning',
    build: async () => {
      const b = new TraceBuilder();
      const t = await tokenFor(ORDERS_AUD);
      b.api(`${API}/a`, t);
      b.api(`${OTHER_API}/r`, t, 401);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { source: ['accepted-elsewhere'], acceptedAt: { host: 'api.contoso.com', entry: { input: 0, index: 1 } } } });
    },
  },
  {
    name: 'Azure Resource Manager InvalidAuthenticationTokenAudience → allowed audiences parsed',
    build: async () => {
      const b = new TraceBuilder();
      const vault = await tokenFor('https://vault.azure.net');
      b.api(
        'https://management.azure.com/subscriptions?api-version=2022-12-01',
        vault,
        401,
        bearerError(
          "The access token has been obtained for wrong audience or resource 'https://vault.azure.net'. It should exactly match with one of the allowed audiences 'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'.",
        ),
      );
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect((fs[0]!.evidence.expectedAudience as string[])).toContain('https://management.azure.com/');
      expect(fs[0]!.evidence.aud).toEqual(['https://vault.azure.net']);
    },
  },
  {
    name: 'expired token gets a bare 401, a fresh token for the same audience succeeds → nothing here',
    build: async () => {
      const b = new TraceBuilder();
      b.wait(4000);
      b.api(`${API}/a`, await tokenFor(ORDERS_AUD), 401);
      b.api(`${API}/a`, await signToken(key, accessClaims(b.time)));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'IDX10214 where no token was captured → error from the message alone',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: `${OTHER_API}/r`, status: 401, responseHeaders: idx10214(ORDERS_AUD, REPORTS_AUD) });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', code: 'IDX10214', evidence: { aud: [ORDERS_AUD], expectedAudience: [REPORTS_AUD] } });
      expect(fs[0]!.tokens).toEqual([]);
    },
  },
];

describe('audience-mismatch', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const b = await c.build();
      c.check(only(await findingsOf([audienceMismatch], b.build(), c.settings), 'audience-mismatch'));
    });
  }
});
