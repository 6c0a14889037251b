/**
 * Runs the built CLI as a separate process with a hard timeout, and reports
 * its exit, output, wall time and peak memory (through the peak-rss preload).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, ROOT } from '../cli/run-cli.js';

const PRELOAD = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));
/** Output beyond this is dropped: a runaway writer must not take the test runner down with it. */
const MAX_CAPTURE = 32 << 20;

export interface MeasuredRun {
  code: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
  /** Kilobytes; undefined when the process died before writing it. */
  peakRssKb?: number;
}

export function runMeasured(args: string[], timeoutMs: number): Promise<MeasuredRun> {
  const dir = mkdtempSync(join(tmpdir(), 'trace-audit-rss-'));
  const rssFile = join(dir, 'rss');
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', PRELOAD, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', TRACE_AUDIT_PEAK_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    child.stdout.on('data', (b: Buffer) => {
      if ((outBytes += b.length) <= MAX_CAPTURE) out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if ((errBytes += b.length) <= MAX_CAPTURE) err.push(b);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      let peakRssKb: number | undefined;
      try {
        peakRssKb = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        peakRssKb = undefined;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({
        code,
        timedOut,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: performance.now() - started,
        ...(peakRssKb !== undefined ? { peakRssKb } : {}),
      });
    });
  });
}
