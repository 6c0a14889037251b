import { describe, expect, it } from 'vitest';
import type { Entry, RunWarning } from '../../src/model/index.js';
import { estimateOriginClocks } from '../../src/extract/clocks/estimate.js';
import { clockSampleOf } from '../../src/extract/clocks/samples.js';
import type { ClockSample } from '../../src/extract/index.js';
import { sessionOf, T0, TraceBuilder } from '../helpers/trace-builder.js';

/** A sample whose Date header is the server clock (client + skew) at the middle of the exchange, truncated to the second. */
function sample(origin: string, startMs: number, durationMs: number, skewMs: number, index = 1, input = 0): ClockSample {
  const serverMs = Math.floor((startMs + durationMs / 2 + skewMs) / 1000) * 1000;
  return { entry: { input, index }, origin, serverMs, sentAt: startMs, receivedAt: startMs + durationMs };
}

describe('estimateOriginClocks', () => {
  it('brackets the true offset with many fast samples despite 1 s resolution', () => {
    const samples = Array.from({ length: 20 }, (_, i) => sample('https://api', T0 + i * 7_300 + (i * 137) % 1000, 80, 600_000, i + 1));
    const [clock] = estimateOriginClocks(samples);
    expect(clock!.origin).toBe('https://api');
    expect(clock!.samples).toBe(20);
    expect(clock!.lowSeconds).toBeLessThanOrEqual(600);
    expect(clock!.highSeconds).toBeGreaterThanOrEqual(600);
    expect(clock!.highSeconds - clock!.lowSeconds).toBeLessThan(1.2);
    expect(Math.abs(clock!.skewSeconds - 600)).toBeLessThan(1);
  });

  it('keeps a negative offset negative (server behind)', () => {
    const samples = Array.from({ length: 6 }, (_, i) => sample('https://slow', T0 + i * 5_450, 120, -90_000, i + 1));
    const [clock] = estimateOriginClocks(samples);
    expect(clock!.highSeconds).toBeLessThan(-88);
    expect(clock!.skewSeconds).toBeCloseTo(-90, 0);
  });

  it('a slow response widens the bounds instead of biasing them', () => {
    const [clock] = estimateOriginClocks([sample('https://x', T0, 30_000, 0)]);
    expect(clock!.lowSeconds).toBeLessThanOrEqual(0);
    expect(clock!.highSeconds).toBeGreaterThanOrEqual(0);
    expect(clock!.highSeconds - clock!.lowSeconds).toBeGreaterThan(29);
  });

  it('tolerates a stale Date among many good ones', () => {
    const good = Array.from({ length: 9 }, (_, i) => sample('https://cdn', T0 + i * 3_210, 50, 0, i + 1));
    const stale = sample('https://cdn', T0 + 40_000, 50, -3_600_000, 10);
    const [clock] = estimateOriginClocks([...good, stale]);
    expect(Math.abs(clock!.skewSeconds)).toBeLessThan(1.5);
    expect(clock!.lowSeconds).toBeLessThanOrEqual(clock!.highSeconds);
  });

  it('takes several inputs together when their readings agree', () => {
    const a = Array.from({ length: 4 }, (_, i) => sample('https://api', T0 + i * 2_100, 60, 300_000, i + 1, 0));
    const b = Array.from({ length: 4 }, (_, i) => sample('https://api', T0 + i * 1_900, 60, 300_400, i + 1, 1));
    const warnings: RunWarning[] = [];
    const clocks = estimateOriginClocks([...a, ...b], warnings);
    expect(warnings).toEqual([]);
    expect(clocks).toHaveLength(1);
    expect(clocks[0]!.samples).toBe(8);
    expect(clocks[0]!.skewSeconds).toBeCloseTo(300, -1);
  });

  it('gives no estimate, and says why, when inputs put the same origin at different offsets (different machines)', () => {
    const inSync = Array.from({ length: 4 }, (_, i) => sample('https://login', T0 + i * 2_100, 60, 0, i + 1, 0));
    const clientBehind = Array.from({ length: 3 }, (_, i) => sample('https://login', T0 + i * 1_900, 60, 300_000, i + 1, 1));
    const other = sample('https://cdn', T0, 50, 0, 9, 0);
    const warnings: RunWarning[] = [];
    const clocks = estimateOriginClocks([...inSync, ...clientBehind, other], warnings);
    expect(clocks.map((c) => c.origin)).toEqual(['https://cdn']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.code).toBe('clock-inputs-disagree');
    expect(warnings[0]!.message).toMatch(/https:\/\/login.*input 1: 0 s \(4 responses\), input 2: \+300 s \(3 responses\)/);
    expect(warnings[0]!.entries).toHaveLength(7);
  });

  it('separates origins', () => {
    const clocks = estimateOriginClocks([sample('https://a', T0, 50, 0), sample('https://b', T0, 50, 120_000)]);
    expect(clocks.map((c) => c.origin)).toEqual(['https://a', 'https://b']);
    expect(clocks[1]!.skewSeconds).toBeGreaterThan(119);
  });
});

describe('clockSampleOf', () => {
  function entry(over: Partial<Entry> = {}, headers: Record<string, string> = { Date: new Date(T0).toUTCString() }): Entry {
    return {
      input: 0,
      index: 1,
      startedAt: T0,
      durationMs: 100,
      source: 'har',
      request: { method: 'GET', url: 'https://api.contoso.com/x', httpVersion: 'HTTP/1.1', headers: [] },
      response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: Object.entries(headers).map(([name, value]) => ({ name, value })) },
      ...over,
    };
  }

  it('reads a fresh Date header', () => {
    expect(clockSampleOf(entry())).toMatchObject({ origin: 'https://api.contoso.com', serverMs: T0, sentAt: T0, receivedAt: T0 + 100 });
  });

  it('skips cached, aged, failed, CONNECT and undated responses', () => {
    expect(clockSampleOf(entry({ meta: { fromCache: 'disk' } }))).toBeUndefined();
    expect(clockSampleOf(entry({ meta: { fromServiceWorker: 'true' } }))).toBeUndefined();
    expect(clockSampleOf(entry({}, { Date: new Date(T0).toUTCString(), Age: '3600' }))).toBeUndefined();
    expect(clockSampleOf(entry({ response: { status: 0, statusText: '', httpVersion: '', headers: [] } }))).toBeUndefined();
    expect(clockSampleOf(entry({ request: { method: 'CONNECT', url: 'https://api.contoso.com:443', httpVersion: 'HTTP/1.1', headers: [] } }))).toBeUndefined();
    expect(clockSampleOf(entry({}, {}))).toBeUndefined();
    expect(clockSampleOf(entry({ durationMs: -1 }))).toBeUndefined();
    expect(clockSampleOf(entry({}, { Date: 'not a date' }))).toBeUndefined();
  });

  it('keeps a Date when fromCache says false', () => {
    expect(clockSampleOf(entry({ meta: { fromCache: 'false' } }))).toBeDefined();
  });
});

describe('origin clocks through the extractor', () => {
  it('measures an IdP ten minutes ahead and an API in sync', async () => {
    const tb = new TraceBuilder();
    for (let i = 0; i < 4; i++) {
      tb.add({ url: 'https://login.microsoftonline.com/t/oauth2/v2.0/authorize?x=1', serverSkewMs: 600_000 });
      tb.add({ url: 'https://api.contoso.com/items' });
      tb.wait(3.3);
    }
    const session = await sessionOf(tb.build());
    const idp = session.originClocks.find((c) => c.origin === 'https://login.microsoftonline.com')!;
    const api = session.originClocks.find((c) => c.origin === 'https://api.contoso.com')!;
    expect(idp.lowSeconds).toBeGreaterThan(598);
    expect(idp.samples).toBe(4);
    expect(idp.entries).toHaveLength(4);
    expect(api.lowSeconds).toBeLessThanOrEqual(0.5);
    expect(api.highSeconds).toBeGreaterThanOrEqual(-0.5);
  });
});
