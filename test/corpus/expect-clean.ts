/** What "handled cleanly" means for one CLI run on a hostile file. */
import { expect } from 'vitest';
import type { Outcome } from './cases.js';
import type { MeasuredRun } from './run-measured.js';

/** Generous: the largest corpus case peaks well below it (numbers in the README). */
export const PEAK_RSS_LIMIT_KB = 1024 * 1024;

export function expectClean(run: MeasuredRun, file: string, outcome: Outcome, json: boolean): void {
  const all = `${run.stdout}\n${run.stderr}`;
  expect(run.timedOut, `${file}: timed out`).toBe(false);
  expect(all, `${file}: stack trace`).not.toMatch(/\n {4}at /);
  expect(run.stderr, `${file}: internal error`).not.toContain('internal error');
  expect([0, 1, 2], `${file}: exit ${run.code}\n${run.stderr.slice(0, 300)}`).toContain(run.code);
  expect(run.peakRssKb, `${file}: no peak memory figure`).toBeDefined();
  expect(run.peakRssKb!, `${file}: peak RSS`).toBeLessThan(PEAK_RSS_LIMIT_KB);
  if (run.code === 2) {
    expect(outcome, `${file}: refused (${run.stderr.trim()})`).not.toBe('report');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines, `${file}: error lines`).toHaveLength(1);
    expect(lines[0]).toMatch(/^trace-audit: /);
    expect(lines[0], 'the error line names the file').toContain(file);
    expect(lines[0]!.length).toBeLessThan(600);
    expect(run.stdout).toBe('');
  } else {
    expect(outcome, `${file}: expected a refusal, got exit ${run.code}`).not.toBe('error');
    if (json) {
      const report = JSON.parse(run.stdout) as { schemaVersion?: string; inputs?: { entries?: number }[] };
      expect(report.schemaVersion).toBeTypeOf('string');
      expect(report.inputs?.[0]?.entries).toBeTypeOf('number');
    } else {
      expect(run.stdout).toMatch(/entr(y|ies)/);
    }
  }
}
