import { describe, expect, it } from 'vitest';
import { emptySanitizationFacts, observeSanitization } from '../../src/extract/sanitization.js';
import { requestCandidates } from '../../src/extract/tokens/request-tokens.js';
import { TraceBuilder } from '../helpers/trace-builder.js';

describe('sanitization facts', () => {
  it('counts Authorization, Cookie and Set-Cookie headers, sign-in traffic and 401s without Authorization', () => {
    const b = new TraceBuilder();
    const facts = emptySanitizationFacts();
    observeSanitization(facts, b.add({ url: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=c&response_type=code', headers: { Cookie: 'a=b' }, responseHeaders: { 'Set-Cookie': 'c=d' } }), true);
    observeSanitization(facts, b.add({ url: 'https://api.contoso.com/a', status: 401 }), false);
    observeSanitization(facts, b.add({ url: 'https://api.contoso.com/a', headers: { Authorization: 'Bearer x.y.z' } }), false);
    expect(facts).toMatchObject({ requests: 3, withAuthorization: 1, withCookie: 1, withSetCookie: 1, signInTraffic: 1, unauthenticatedApiCalls: [{ input: 0, index: 2 }], placeholderAuthorization: [] });
  });

  it('recognises placeholder Authorization values, and not real ones', () => {
    const b = new TraceBuilder();
    const facts = emptySanitizationFacts();
    const values = ['Bearer [REDACTED]', 'REDACTED', 'Bearer xxx', 'Bearer ****', '<redacted>', 'Bearer removed', 'Bearer 123456', 'Bearer eyJhbGciOi.x.y', 'Basic dXNlcjpwYXNz'];
    for (const v of values) observeSanitization(facts, b.add({ url: 'https://api.contoso.com/', headers: { Authorization: v } }), false);
    expect(facts.placeholderAuthorization.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(facts.withAuthorization).toBe(values.length);
  });

  it('count the same from the request scan as from the headers', () => {
    const b = new TraceBuilder();
    const entries = [
      b.add({ url: 'https://api.contoso.com/a', headers: { AUTHORIZATION: 'Bearer [REDACTED]', COOKIE: 'a=b' } }),
      b.add({ url: 'https://api.contoso.com/a', headers: { Authorization: 'Basic dXNlcjpwYXNz', 'X-Authorization': 'x' } }),
      b.add({ url: 'https://api.contoso.com/a', headers: { 'X-Cookie': 'a=b' }, status: 401 }),
      b.add({ url: 'https://api.contoso.com/a', headers: { authorization: '' }, status: 401 }),
    ];
    const direct = emptySanitizationFacts();
    const scanned = emptySanitizationFacts();
    for (const e of entries) {
      observeSanitization(direct, e, false);
      observeSanitization(scanned, e, false, requestCandidates(e));
    }
    expect(scanned).toEqual(direct);
    expect(direct).toMatchObject({ withAuthorization: 3, withCookie: 1, placeholderAuthorization: [{ index: 1 }], unauthenticatedApiCalls: [{ index: 3 }] });
  });
});
