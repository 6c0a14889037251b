/**
 * The measured tools. Each says how to run it on a trace and how to read its
 * outcome: 'ok' with an entry count, 'cannot-open' (the baseline's honest
 * failure on files over V8's string limit) or 'failed'.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** trace-audit exits 1 when it has findings: that is a successful run. */
const TRACE_AUDIT_OK = new Set([0, 1]);

function entriesOf(run) {
  return run.output?.entries;
}

export const RUNNERS = {
  'trace-audit': {
    label: 'trace-audit end to end',
    args: (trace, workDir) => ['bin/trace-audit.js', '--no-tui', '--json', join(workDir, 'report.json'), trace],
    outcome(run, workDir) {
      const report = join(workDir, 'report.json');
      if (!TRACE_AUDIT_OK.has(run.exitCode) || !existsSync(report)) return { status: 'failed' };
      return { status: 'ok', entries: JSON.parse(readFileSync(report, 'utf8')).summary.entries };
    },
  },
  'ingest-only': {
    label: 'trace-audit ingest only',
    args: (trace) => ['bench/ingest-only.mjs', trace],
    outcome: (run) => (run.exitCode === 0 ? { status: 'ok', entries: entriesOf(run) } : { status: 'failed' }),
  },
  'json-parse': {
    label: 'JSON.parse(readFileSync)',
    args: (trace) => ['bench/baselines/json-parse.mjs', trace],
    outcome(run) {
      if (run.exitCode === 3 && run.output?.cannotOpen) return { status: 'cannot-open', reason: run.output.cannotOpen };
      return run.exitCode === 0 ? { status: 'ok', entries: entriesOf(run) } : { status: 'failed' };
    },
  },
  'stream-json': {
    label: 'stream-json pipeline',
    args: (trace) => ['bench/baselines/stream-json.mjs', trace],
    outcome: (run) => (run.exitCode === 0 ? { status: 'ok', entries: entriesOf(run) } : { status: 'failed' }),
  },
  'tui-first-screen': {
    label: 'TUI first screen',
    args: (trace) => ['bench/tui-first-screen.mjs', trace],
    outcome(run) {
      if (run.exitCode !== 0 || !run.output) return { status: 'failed' };
      // The time that counts is the first frame of the timeline, not the process exit; memory and CPU are the CLI's.
      const { entries, firstScreenMs, completeMs, rssKiB, cpuMs } = run.output;
      return { status: 'ok', entries, timeMs: firstScreenMs, completeMs, rssKiB, cpuMs };
    },
  },
};

/** Whether the first-screen runner can run: the built CLI and a pseudo-terminal (util-linux `script`). */
export function tuiAvailable(root) {
  if (!existsSync(join(root, 'dist/tui/index.js'))) return false;
  return spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
}
