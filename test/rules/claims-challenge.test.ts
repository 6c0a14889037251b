import { describe, expect, it } from 'vitest';
import { AUTHORITY, CLIENT_ID, TraceBuilder } from '../helpers/trace-builder.js';
import { findingsOf } from './run.js';

const CAE_CLAIMS = '{"access_token":{"nbf":{"essential":true,"value":"1714557600"}}}';
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('claims-challenge', () => {
  it.each([
    {
      name: 'CAE insufficient_claims at a resource, never answered → warning',
      build: (b: TraceBuilder) =>
        b.api('https://graph.microsoft.com/v1.0/me', 'opaque-token-value-123456789', 401, {
          'WWW-Authenticate': `Bearer realm="", authorization_uri="${AUTHORITY}/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${b64(CAE_CLAIMS)}"`,
        }),
      want: [{ severity: 'warning', entries: [1], asks: /issued after 2024-05-01T10:00:00.000Z/ }],
    },
    {
      name: 'answered by a later authorize request with claims → info',
      build: (b: TraceBuilder) => {
        b.api('https://graph.microsoft.com/v1.0/me', 'opaque-token-value-123456789', 401, {
          'WWW-Authenticate': `Bearer error="insufficient_claims", claims="${b64('{"access_token":{"acrs":{"essential":true,"value":"c1"}}}')}"`,
        });
        b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=code&scope=openid&state=z&claims=${encodeURIComponent('{"access_token":{"acrs":{"essential":true,"value":"c1"}}}')}`, status: 200 });
      },
      want: [{ severity: 'info', entries: [1, 2], asks: /authentication context "c1"/ }],
    },
    {
      name: 'token endpoint interaction_required with claims (50076)',
      build: (b: TraceBuilder) =>
        b.tokenResponse({
          form: { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: '0.AAAArt' },
          error: { error: 'interaction_required', error_description: 'AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.', error_codes: [50076], suberror: 'basic_action', claims: '{"access_token":{"capolids":{"essential":true,"values":["p1"]}}}' },
        }),
      want: [{ severity: 'warning', entries: [1], asks: /claim capolids/ }],
    },
    {
      name: 'plain 401 challenge without claims → nothing',
      build: (b: TraceBuilder) => b.api('https://api.contoso.example/x', undefined, 401, { 'WWW-Authenticate': 'Bearer realm="api"' }),
      want: [],
    },
  ])('$name', async ({ build, want }) => {
    const b = new TraceBuilder();
    build(b);
    const found = await findingsOf(b.build(), ['claims-challenge']);
    expect(found).toHaveLength(want.length);
    want.forEach((w, i) => {
      expect(found[i]!.severity).toBe(w.severity);
      expect(found[i]!.entries.map((e) => e.index)).toEqual(w.entries);
      expect((found[i]!.evidence.asks as string[]).join(' ')).toMatch(w.asks);
    });
  });
});
