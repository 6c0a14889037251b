import { describe, expect, it } from 'vitest';
import { accessClaims, makeKey, signToken, T0, TraceBuilder } from '../helpers/trace-builder.js';
import { findingsOf } from './run.js';

const API = 'https://api.contoso.example/orders';
const challenge = (desc: string) => ({ 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${desc}"` });

describe('idx-error', () => {
  it.each([
    {
      name: 'IDX10511 at an API, twice → one finding listing both entries',
      desc: "IDX10511: Signature validation failed. Keys tried: 'System.Text.StringBuilder'.",
      times: 2,
      want: { code: 'IDX10511', severity: 'error', entries: [1, 2] },
    },
    {
      name: 'unknown IDX code → reported, not in catalog',
      desc: 'IDX19999: Something unusual.',
      times: 1,
      want: { code: 'IDX19999', severity: 'error', entries: [1], inCatalog: false },
    },
  ])('$name', async ({ desc, times, want }) => {
    const key = await makeKey('k1');
    const token = await signToken(key, accessClaims(T0));
    const b = new TraceBuilder();
    for (let i = 0; i < times; i++) b.api(API, token, 401, challenge(desc));
    const found = await findingsOf(b.build(), ['idx-error']);
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect(f.code).toBe(want.code);
    expect(f.severity).toBe(want.severity);
    expect(f.entries.map((e) => e.index)).toEqual(want.entries);
    expect(f.tokens).toHaveLength(1);
    if (want.inCatalog === false) expect(f.evidence.inCatalog).toBe(false);
  });

  it('an IDX code in a 200 body (logged, not refused) is a warning', async () => {
    const b = new TraceBuilder();
    b.add({ url: 'https://api.contoso.example/diag', responseBody: JSON.stringify({ log: 'IDX10214: Audience validation failed.' }) });
    const found = await findingsOf(b.build(), ['idx-error']);
    expect(found.map((f) => [f.code, f.severity])).toEqual([['IDX10214', 'warning']]);
  });

  it('stays quiet when an earlier rule explained the same code at the same entry', async () => {
    const key = await makeKey('k1');
    const token = await signToken(key, accessClaims(T0 - 7200_000));
    const b = new TraceBuilder();
    b.api(API, token, 401, challenge("IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '5/1/2024 9:00:00 AM', Current time (UTC): '5/1/2024 10:00:00 AM'."));
    const all = await findingsOf(b.build(), ['token-expired', 'idx-error']);
    const expired = all.filter((f) => f.rule === 'token-expired');
    // Only meaningful once token-expired claims the code; either way idx-error must not duplicate it.
    const idx = all.filter((f) => f.rule === 'idx-error');
    if (expired.some((f) => f.code === 'IDX10223')) expect(idx).toHaveLength(0);
    else expect(idx).toHaveLength(1);
  });

  it('no IDX code anywhere → nothing', async () => {
    const b = new TraceBuilder();
    b.api(API, undefined, 401, { 'WWW-Authenticate': 'Bearer realm=""' });
    expect(await findingsOf(b.build(), ['idx-error'])).toEqual([]);
  });
});
