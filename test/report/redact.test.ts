import { describe, expect, it } from 'vitest';
import { redactHeader, redactText, redactUrl } from '../../src/report/index.js';

const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJhdWQiOiJhcGk6Ly94In0.c2lnbmF0dXJlLXZhbHVlLXNlY3JldA';

describe('redaction (display style)', () => {
  it.each([
    ['JSON error names stay', '{"code":"InvalidAuthenticationToken"}', '{"code":"InvalidAuthenticationToken"}'],
    ['our own evidence codes stay', '{"code":"IDX10503"}', '{"code":"IDX10503"}'],
    ['an Entra authorization code in JSON goes', '{"code":"0.AXEAv4j5cvGGr0GRqy180BHbR"}', '{"code":"[redacted]"}'],
    ['a dotted code in JSON goes', '{"code":"M.R3_BAY.c0f0e1d2"}', '{"code":"[redacted]"}'],
    ['refresh tokens go', '{"refresh_token":"0.ARoA-secret"}', '{"refresh_token":"[redacted]"}'],
    ['a JWT anywhere becomes its fingerprint', `see ${JWT} here`, /^see \[jwt [0-9a-f]{12}\] here$/],
    ['form secrets go', 'grant_type=refresh_token&client_secret=abc&refresh_token=xyz', 'grant_type=refresh_token&client_secret=%5Bredacted%5D&refresh_token=%5Bredacted%5D'],
  ])('%s', (_name, input, want) => {
    const out = redactText(input);
    if (want instanceof RegExp) expect(out).toMatch(want);
    else expect(out).toBe(want);
  });

  it('URL codes are always secrets (a code next to state)', () => {
    expect(redactUrl('https://app/cb?code=short&state=s')).toBe('https://app/cb?code=%5Bredacted%5D&state=s');
  });

  it('headers: bearer by fingerprint, cookies by name only', () => {
    expect(redactHeader('Authorization', `Bearer ${JWT}`)).toMatch(/^Bearer \[jwt [0-9a-f]{12}\]$/);
    expect(redactHeader('Cookie', 'a=1; b=2')).toBe('a=[redacted]; b=[redacted]');
    expect(redactHeader('Set-Cookie', 'x=secret; Path=/; HttpOnly')).toBe('x=[redacted]; Path=/; HttpOnly');
  });
});
