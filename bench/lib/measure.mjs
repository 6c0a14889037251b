/**
 * Runs one tool as its own Node process and measures it: wall time from spawn to
 * exit (startup included, the same for every tool), peak RSS and CPU time from
 * the preload probe, exit code, and the JSON line the tool prints.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRELOAD = fileURLToPath(new URL('./rss-preload.mjs', import.meta.url));
/** No single measured run may take longer than this. */
const RUN_LIMIT_MS = 15 * 60_000;

/** The first line of a tool's error output, short (error lines name files and problems, not contents). */
function firstLine(text) {
  return (text.split('\n').find((l) => l.trim()) ?? '').slice(0, 200);
}

/**
 * `args`: node arguments after the preload; `workDir`: scratch folder for this run.
 * Resolves { wallMs, cpuMs, rssKiB, exitCode, signal, output (parsed last JSON line or undefined), error }.
 */
export async function measure(args, { cwd, workDir }) {
  mkdirSync(workDir, { recursive: true });
  const probe = join(workDir, 'probe.json');
  rmSync(probe, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', PRELOAD, ...args], {
    cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BENCH_RSS_FILE: probe, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout = (stdout + d).slice(-64 * 1024)));
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr = (stderr + d).slice(-64 * 1024)));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
  const [exitCode, signal] = await new Promise((resolve) => child.on('close', (code, sig) => resolve([code, sig])));
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const usage = existsSync(probe) ? JSON.parse(readFileSync(probe, 'utf8')) : {};
  const last = stdout.trim().split('\n').pop() ?? '';
  let output;
  try {
    output = last.startsWith('{') ? JSON.parse(last) : undefined;
  } catch {
    output = undefined;
  }
  return { wallMs, cpuMs: usage.cpuMs, rssKiB: usage.maxRssKiB, exitCode, signal, output, error: firstLine(stderr) };
}

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
