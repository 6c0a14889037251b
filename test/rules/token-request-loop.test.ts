import { describe, expect, it } from 'vitest';
import { CLIENT_ID, TraceBuilder } from '../helpers/trace-builder.js';
import { findingsOf } from './run.js';

const form = (scope = 'api://x/.default') => ({ grant_type: 'client_credentials', client_id: CLIENT_ID, scope });
const ok = { access_token: 'opaque-at-1234567890abcdef' };

describe('token-request-loop', () => {
  it.each([
    { name: '6 requests in 50 s → warning', n: 6, gap: 10, status: 200, want: { severity: 'warning', count: 6 } },
    { name: '5 requests → nothing (below the burst count)', n: 5, gap: 10, status: 200, want: undefined },
    { name: '6 requests spread over an hour → nothing', n: 6, gap: 600, status: 200, want: undefined },
  ])('$name', async ({ n, gap, want }) => {
    const b = new TraceBuilder();
    for (let i = 0; i < n; i++) {
      b.tokenResponse({ form: form(), tokens: ok });
      b.wait(gap);
    }
    const found = await findingsOf(b.build(), ['token-request-loop']);
    if (!want) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]!.severity).toBe(want.severity);
      expect(found[0]!.evidence.requests).toBe(want.count);
    }
  });

  it('different resources are not a loop', async () => {
    const b = new TraceBuilder();
    for (let i = 0; i < 8; i++) b.tokenResponse({ form: form(`api://app${i}/.default`), tokens: ok });
    expect(await findingsOf(b.build(), ['token-request-loop'])).toEqual([]);
  });

  it('AADSTS50196 (loop detected) → error with the code', async () => {
    const b = new TraceBuilder();
    b.tokenResponse({ form: form(), error: { error: 'invalid_grant', error_description: 'AADSTS50196: The server terminated an operation because it encountered a client request loop.', error_codes: [50196] } });
    const found = await findingsOf(b.build(), ['token-request-loop']);
    expect(found.map((f) => [f.severity, f.code])).toEqual([['error', 'AADSTS50196']]);
  });

  it('429 with Retry-After → error with retryAfterSeconds', async () => {
    const b = new TraceBuilder();
    const e = b.tokenResponse({ form: form(), error: { error: 'temporarily_unavailable' }, status: 429 });
    e.response.headers.push({ name: 'Retry-After', value: '30' });
    const found = await findingsOf(b.build(), ['token-request-loop']);
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence).toMatchObject({ throttled: 1, retryAfterSeconds: 30 });
  });
});
