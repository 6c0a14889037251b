import { describe, expect, it } from 'vitest';
import { AUTHORITY, CLIENT_ID, TraceBuilder } from '../helpers/trace-builder.js';
import { findingsOf } from './run.js';

const ENTRA_ERROR = (code: number, error: string, text: string, extra: Record<string, unknown> = {}) => ({
  error,
  error_description: `AADSTS${code}: ${text}\r\nTrace ID: 0f9c1a2b-0000-4000-8000-000000000001\r\nCorrelation ID: 5d2e0000-0000-4000-8000-000000000002\r\nTimestamp: 2024-05-01 10:00:01Z`,
  error_codes: [code],
  timestamp: '2024-05-01 10:00:01Z',
  trace_id: '0f9c1a2b-0000-4000-8000-000000000001',
  correlation_id: '5d2e0000-0000-4000-8000-000000000002',
  error_uri: 'https://login.microsoftonline.com/error?code=' + code,
  ...extra,
});

describe('aad-error', () => {
  const cases: { name: string; build: (b: TraceBuilder) => void; expect: { code: string; severity: string; entries: number[]; evidence?: Record<string, unknown> }[] }[] = [
    {
      name: 'token endpoint: invalid client secret (7000215)',
      build: (b) =>
        b.tokenResponse({
          form: { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: 'not-the-secret', scope: 'https://graph.microsoft.com/.default' },
          error: ENTRA_ERROR(7000215, 'invalid_client', 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.'),
          status: 401,
        }),
      expect: [{ code: 'AADSTS7000215', severity: 'error', entries: [1], evidence: { grantType: 'client_credentials', clientAuth: 'client_secret_post', clientId: CLIENT_ID, error: 'invalid_client', traceId: '0f9c1a2b-0000-4000-8000-000000000001' } }],
    },
    {
      name: 'authorize redirect: reply URL mismatch (50011), counted once across the 302 and the redirect target',
      build: (b) => {
        b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=code&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=openid&state=s1`, status: 200, responseType: 'text/html', responseBody: '<html><script>$Config={"sErrorCode":"50011","sErrTxt":"AADSTS50011: The redirect URI specified in the request does not match."};</script></html>' });
      },
      expect: [{ code: 'AADSTS50011', severity: 'error', entries: [1], evidence: { source: 'html', redirectUri: 'https://app.example/cb', clientId: CLIENT_ID } }],
    },
    {
      name: 'authorize error in Location and again in the next URL → one finding linking both',
      build: (b) => {
        const desc = encodeURIComponent('AADSTS65001: The user or administrator has not consented to use the application.');
        b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=code&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=openid&state=s2`, status: 302, responseHeaders: { Location: `https://app.example/cb?error=consent_required&error_description=${desc}&state=s2` } });
        b.add({ url: `https://app.example/cb?error=consent_required&error_description=${desc}&state=s2`, status: 200 });
      },
      expect: [{ code: 'AADSTS65001', severity: 'warning', entries: [1, 2], evidence: { error: 'consent_required', flowRecoveredLater: false } }],
    },
    {
      name: 'MFA required (50076) then success → info',
      build: (b) => {
        b.tokenResponse({ form: { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: '0.ARoAv4j5cvGGr0GRqy180BHbR', scope: 'openid' }, error: ENTRA_ERROR(50076, 'interaction_required', 'Due to a configuration change made by your administrator, you must use multi-factor authentication.', { suberror: 'basic_action', claims: '{"access_token":{"capolids":{"essential":true,"values":["a1"]}}}' }) });
        b.wait(20);
        b.tokenResponse({ form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code: '0.AAAA-code', state: 'x' }, tokens: { access_token: 'opaque-at-value-1234567890' } });
      },
      expect: [{ code: 'AADSTS50076', severity: 'info', entries: [1], evidence: { suberror: 'basic_action', flowRecoveredLater: true } }],
    },
    {
      name: 'unknown code still reported, marked not in catalog',
      build: (b) => b.tokenResponse({ form: { grant_type: 'client_credentials', client_id: CLIENT_ID }, error: ENTRA_ERROR(9999999, 'invalid_request', 'Something new.') }),
      expect: [{ code: 'AADSTS9999999', severity: 'warning', entries: [1], evidence: { inCatalog: false } }],
    },
    {
      name: 'healthy token response → nothing',
      build: (b) => b.tokenResponse({ form: { grant_type: 'client_credentials', client_id: CLIENT_ID }, tokens: { access_token: 'opaque-at-value-1234567890' } }),
      expect: [],
    },
  ];

  it.each(cases)('$name', async ({ build, expect: want }) => {
    const b = new TraceBuilder();
    build(b);
    const found = await findingsOf(b.build(), ['aad-error']);
    expect(found.map((f) => f.code)).toEqual(want.map((w) => w.code));
    want.forEach((w, i) => {
      const f = found[i]!;
      expect(f.severity).toBe(w.severity);
      expect(f.entries.map((e) => e.index)).toEqual(w.entries);
      if (w.evidence) expect(f.evidence).toMatchObject(w.evidence);
      expect(f.advice.length).toBeGreaterThan(10);
    });
  });

  it('never puts the client secret or refresh token into the finding', async () => {
    const b = new TraceBuilder();
    b.tokenResponse({ form: { grant_type: 'refresh_token', client_id: CLIENT_ID, client_secret: 'S3cr3t~value', refresh_token: '0.ARoAsecretrefresh' }, error: ENTRA_ERROR(700082, 'invalid_grant', 'The refresh token has expired due to inactivity.') });
    const text = JSON.stringify(await findingsOf(b.build(), ['aad-error']));
    expect(text).toContain('AADSTS700082');
    expect(text).not.toContain('S3cr3t~value');
    expect(text).not.toContain('0.ARoAsecretrefresh');
  });
});

describe('aad-error defers to a specific rule', () => {
  it('a code an earlier finding already carries at the same entry is not reported twice', async () => {
    const { runRules } = await import('../../src/engine/index.js');
    const { RULES } = await import('../../src/rules/index.js');
    const { sessionOf, settings } = await import('../helpers/trace-builder.js');
    const b = new TraceBuilder();
    b.tokenResponse({ form: { grant_type: 'client_credentials', client_id: CLIENT_ID }, error: ENTRA_ERROR(7000215, 'invalid_client', 'Invalid client secret provided.') });
    const session = await sessionOf(b.build());
    const aad = RULES.find((r) => r.meta.id === 'aad-error')!;
    const specific = { meta: { ...aad.meta, id: 'token-expired' as const }, check: () => [{ rule: 'token-expired', severity: 'error' as const, title: 't', message: 'm', entries: [{ input: 0, index: 1 }], tokens: [], code: 'AADSTS7000215', evidence: {}, advice: 'a' }] };
    const run = runRules([specific, aad], session, settings());
    expect(run.findings.map((f) => f.rule)).toEqual(['token-expired']);
  });
});
