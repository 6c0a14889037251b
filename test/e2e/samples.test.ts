/**
 * End to end on the committed samples (recorded from real software, see
 * samples/README.md): the built CLI must report what each scenario was built
 * to show — rule, severity, entries, key evidence — and nothing worse than
 * `maxSeverityOtherwise` besides.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';

interface Expected {
  sample: string;
  mustFind: { rule: string; severity?: string; code?: string; entries?: number[]; evidence?: Record<string, unknown> }[];
  mustNotFind: { rule: string }[];
  maxSeverityOtherwise?: 'error' | 'warning' | 'info' | 'none';
  tolerance?: Record<string, number>;
}

interface ReportFinding {
  rule: string;
  code?: string;
  severity: string;
  entries: { input: number; index: number }[];
  evidence: Record<string, unknown>;
}

const SAMPLES = join(ROOT, 'samples');
const RANK: Record<string, number> = { none: -1, info: 0, warning: 1, error: 2 };

const expectations = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')) as Expected);

/** Numbers within the sample's tolerance (e.g. a skew measured to ±5 s); everything else equal. */
function evidenceMatches(actual: unknown, wanted: unknown, tolerance: number): boolean {
  if (typeof wanted === 'number' && typeof actual === 'number') return Math.abs(actual - wanted) <= tolerance;
  if (Array.isArray(wanted)) return Array.isArray(actual) && wanted.every((w) => actual.some((a) => evidenceMatches(a, w, tolerance)));
  if (wanted && typeof wanted === 'object') {
    return !!actual && typeof actual === 'object' && Object.entries(wanted).every(([k, v]) => evidenceMatches((actual as Record<string, unknown>)[k], v, tolerance));
  }
  return actual === wanted;
}

describe('samples', () => {
  it('every sample has an expectation', () => {
    const traces = readdirSync(SAMPLES).filter((f) => /\.(har|saz)$/.test(f));
    expect(traces.sort()).toEqual(expectations.map((e) => e.sample).sort());
    expect(traces.length).toBeGreaterThanOrEqual(11);
  });

  it.each(expectations.map((e) => [e.sample, e] as const))('%s', (sample, exp) => {
    const r = runCli(['--json', '-', '--fail-on', 'none', join(SAMPLES, sample)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.stdout) as { findings: ReportFinding[] }).findings;
    const used = new Set<ReportFinding>();
    for (const want of exp.mustFind) {
      const tolerance = Math.max(0, ...Object.values(exp.tolerance ?? {}));
      const match = findings.find(
        (f) =>
          !used.has(f) &&
          f.rule === want.rule &&
          (!want.severity || f.severity === want.severity) &&
          (!want.code || f.code === want.code) &&
          (want.entries ?? []).every((i) => f.entries.some((e) => e.index === i)) &&
          evidenceMatches(f.evidence, want.evidence ?? {}, tolerance),
      );
      expect(match, `${sample}: expected ${JSON.stringify(want)}\nfound ${JSON.stringify(findings.filter((f) => f.rule === want.rule).map((f) => ({ severity: f.severity, entries: f.entries.map((e) => e.index), evidence: f.evidence })), null, 1)}`).toBeDefined();
      used.add(match!);
    }
    for (const not of exp.mustNotFind) {
      expect(findings.filter((f) => f.rule === not.rule).map((f) => f.rule), `${sample} must not report ${not.rule}`).toEqual([]);
    }
    const ceiling = RANK[exp.maxSeverityOtherwise ?? 'info']!;
    const extra = findings.filter((f) => !used.has(f) && RANK[f.severity]! > ceiling);
    expect(extra.map((f) => `${f.rule} ${f.severity}`), `${sample}: unexpected findings`).toEqual([]);
  });
});
