#!/usr/bin/env node
/**
 * Time to the interactive timeline's first screen, as a user sees it: the built
 * CLI (`bin/trace-audit.js <trace>`) runs in a real pseudo-terminal of 120×40
 * (util-linux `script`), and the clock stops when the timeline's status line is
 * on the screen; then `q` quits it. Prints {"entries", "firstScreenMs", "rssKiB",
 * "cpuMs"}: milliseconds since this process started (so they compare with the wall
 * time of the other runners), and the peak RSS and CPU time of the CLI process.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE_PRELOAD = fileURLToPath(new URL('./lib/rss-preload.mjs', import.meta.url));
/** The timeline's status line, e.g. "[timeline 1/23,447]"; the loading screen never shows it. */
const TIMELINE_MARK = /\[timeline [\d,]+\/([\d,]+)/;
const GIVE_UP_MS = 10 * 60_000;

const trace = process.argv[2];
const probe = join(tmpdir(), `trace-audit-tui-probe-${process.pid}.json`);
rmSync(probe, { force: true });
const quote = (s) => `'${s.replaceAll("'", `'\\''`)}'`;
const command = `stty cols 120 rows 40; exec ${quote(process.execPath)} --import ${quote(PROBE_PRELOAD)} bin/trace-audit.js ${quote(trace)}`;
const child = spawn('script', ['-qfec', command, '/dev/null'], {
  cwd: ROOT,
  stdio: ['pipe', 'pipe', 'ignore'],
  env: { ...process.env, BENCH_RSS_FILE: probe, NO_COLOR: '1', TERM: 'xterm-256color' },
});

let screen = '';
let firstScreenMs;
let entries;
const killer = setTimeout(() => child.kill('SIGKILL'), GIVE_UP_MS);
child.stdout.setEncoding('latin1').on('data', (d) => {
  if (firstScreenMs !== undefined) return;
  // Escape sequences can split the mark across chunks: keep a tail and strip them.
  screen = (screen + d).slice(-8192);
  const m = TIMELINE_MARK.exec(screen.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, ''));
  if (!m) return;
  firstScreenMs = performance.now();
  entries = Number(m[1].replaceAll(',', ''));
  child.stdin.write('q');
});
const code = await new Promise((resolve) => child.on('close', resolve));
clearTimeout(killer);
const usage = existsSync(probe) ? JSON.parse(readFileSync(probe, 'utf8')) : {};
rmSync(probe, { force: true });
if (firstScreenMs === undefined) {
  process.stderr.write(`no timeline screen (exit ${code})\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ entries, firstScreenMs: Math.round(firstScreenMs), rssKiB: usage.maxRssKiB, cpuMs: usage.cpuMs }) + '\n');
