/**
 * The built CLI on every file of the hostile corpus: each one gives a report
 * (exit 0/1) or one error line naming the file (exit 2), within a timeout and a
 * memory bound, never a stack trace. Needs `npm run build` first (npm test does it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harOf } from '../helpers/har-writer.js';
import { secretTrace, type SecretTrace } from '../helpers/secret-trace.js';
import { CORPUS, FILES_DIR, type CorpusCase, type Outcome } from './cases.js';
import { expectClean } from './expect-clean.js';
import { runMeasured, type MeasuredRun } from './run-measured.js';

const RUN_TIMEOUT_MS = 60_000;
const HEAVY_TIMEOUT_MS = 120_000;

let dir: string;
let secrets: SecretTrace;
let secretHar: string;
const measured: { file: string; mode: string; run: MeasuredRun }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trace-audit-corpus-'));
  secrets = await secretTrace();
  secretHar = harOf(secrets.entries);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // The numbers behind the README's limits section.
  const rows = measured.map(({ file, mode, run }) => `${file.padEnd(34)} ${mode.padEnd(5)} exit ${run.code}  ${Math.round(run.ms).toString().padStart(6)} ms  ${Math.round((run.peakRssKb ?? 0) / 1024).toString().padStart(5)} MB`);
  console.log(`corpus runs (${measured.length}):\n${rows.join('\n')}`);
});

function pathOf(c: CorpusCase): string {
  if (!c.build) return join(FILES_DIR, c.name);
  const p = join(dir, c.name);
  c.build(p);
  return p;
}

async function check(path: string, name: string, outcome: Outcome, modes: ('text' | 'json')[], timeoutMs: number): Promise<MeasuredRun[]> {
  const runs = await Promise.all(modes.map((mode) => runMeasured(mode === 'json' ? ['--json', '-', path] : ['--no-tui', path], timeoutMs)));
  runs.forEach((run, i) => {
    measured.push({ file: name, mode: modes[i]!, run });
    expectClean(run, name, outcome, modes[i] === 'json');
  });
  return runs;
}

describe('hostile files through the CLI', () => {
  it.each(CORPUS.filter((c) => !c.heavy).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await check(pathOf(c), c.name, c.outcome, ['text', 'json'], RUN_TIMEOUT_MS);
  });

  it.each(CORPUS.filter((c) => c.heavy).map((c) => [c.name, c] as const))(
    '%s (large, generated)',
    async (_name, c) => {
      const path = pathOf(c);
      try {
        await check(path, c.name, c.outcome, ['json'], HEAVY_TIMEOUT_MS);
      } finally {
        rmSync(path, { force: true });
      }
    },
    HEAVY_TIMEOUT_MS + 30_000,
  );
});

describe('a trace full of secrets, truncated at many points', () => {
  const FRACTIONS = [0.001, 0.02, 0.1, 0.25, 0.4, 0.5, 0.63, 0.77, 0.9, 0.99, 0.9995];

  it.each(FRACTIONS)('cut at %s of its length', async (fraction) => {
    const cut = Math.max(1, Math.floor(secretHar.length * fraction));
    const name = `truncated-${cut}.har`;
    const path = join(dir, name);
    writeFileSync(path, secretHar.slice(0, cut));
    const runs = await check(path, name, 'either', ['text', 'json'], RUN_TIMEOUT_MS);
    for (const run of runs) {
      for (const s of [...secrets.secrets, ...secrets.signatures]) {
        expect(run.stdout.includes(s) || run.stderr.includes(s), `${name} leaks a secret starting ${s.slice(0, 8)}`).toBe(false);
      }
    }
  });
});
