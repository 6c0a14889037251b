/**
 * Two traces of the same sign-in recorded on two machines whose clocks differ by five
 * minutes: each reads the token service's Date headers against its own clock. One
 * estimate over both would describe neither; the origin is left unjudged, with a
 * warning that says why, while each trace alone is judged as before.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { harOf } from '../helpers/har-writer.js';
import { TraceBuilder } from '../helpers/trace-builder.js';

const LOGIN = 'https://login.microsoftonline.com';
const dir = mkdtempSync(join(tmpdir(), 'trace-audit-clock-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A trace with `n` requests to the token service whose Date headers run `skewMs` off this machine's clock. */
function trace(name: string, skewMs: number, n = 4): string {
  const b = new TraceBuilder();
  for (let i = 0; i < n; i++) {
    b.add({ url: `${LOGIN}/common/discovery/instance?i=${i}`, serverSkewMs: skewMs, durationMs: 60 });
    b.wait(1.3);
  }
  const path = join(dir, name);
  writeFileSync(path, harOf(b.build()));
  return path;
}

describe('clock estimates across inputs', () => {
  const inSync = trace('in-sync.har', 0);
  const behind = trace('client-behind.har', 300_000);

  it('one trace alone is judged as before', async () => {
    const { report } = await analyze([behind]);
    expect(report.findings.filter((f) => f.rule === 'clock-skew').map((f) => f.evidence.origin)).toContain(LOGIN);
    expect(report.warnings.map((w) => w.code)).not.toContain('clock-inputs-disagree');
  });

  it('two traces that disagree about one origin: no clock verdict for it, and a warning naming both readings', async () => {
    const { report, session } = await analyze([inSync, behind]);
    expect(session.originClocks.map((c) => c.origin)).not.toContain(LOGIN);
    expect(report.findings.filter((f) => f.rule === 'clock-skew')).toEqual([]);
    const warning = report.warnings.find((w) => w.code === 'clock-inputs-disagree');
    expect(warning?.message).toMatch(/login\.microsoftonline\.com.*input 1: 0 s \(4 responses\), input 2: \+300 s \(4 responses\)/);
    expect(new Set(warning?.entries.map((r) => r.input))).toEqual(new Set([0, 1]));
  });

  it('two traces that agree are taken together', async () => {
    const { session, report } = await analyze([behind, trace('also-behind.har', 300_000, 3)]);
    expect(session.originClocks.find((c) => c.origin === LOGIN)?.samples).toBe(7);
    expect(report.warnings.map((w) => w.code)).not.toContain('clock-inputs-disagree');
  });
});
