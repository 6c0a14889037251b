#!/usr/bin/env node
/**
 * Time to the interactive timeline's first screen, as a user sees it: the built
 * CLI (`bin/trace-audit.js <trace>`) runs in a real pseudo-terminal of 120×40
 * (util-linux `script`). The timeline shows entries while the trace is still
 * loading: `firstScreenMs` is when its status line first shows, `completeMs` when
 * the title shows the analysis (token and finding counts); then `q` quits it.
 * Prints {"entries", "firstScreenMs", "completeMs", "rssKiB", "cpuMs"}:
 * milliseconds since this process started (so they compare with the wall time of
 * the other runners), and the peak RSS and CPU time of the CLI process.
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
/** The title once analysis has ended: "… · 23,447 entries · 38 tokens · …". */
const COMPLETE_MARK = /([\d,]+) entries · [\d,]+ tokens · /;
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
let completeMs;
let entries;
const killer = setTimeout(() => child.kill('SIGKILL'), GIVE_UP_MS);
child.stdout.setEncoding('utf8').on('data', (d) => {
  if (completeMs !== undefined) return;
  // Escape sequences can split a mark across chunks: keep a tail and strip them.
  screen = (screen + d).slice(-8192);
  const text = screen.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '');
  if (firstScreenMs === undefined && TIMELINE_MARK.test(text)) firstScreenMs = performance.now();
  const complete = firstScreenMs === undefined ? null : COMPLETE_MARK.exec(text);
  if (!complete) return;
  completeMs = performance.now();
  entries = Number(complete[1].replaceAll(',', ''));
  child.stdin.write('q');
});
const code = await new Promise((resolve) => child.on('close', resolve));
clearTimeout(killer);
const usage = existsSync(probe) ? JSON.parse(readFileSync(probe, 'utf8')) : {};
rmSync(probe, { force: true });
if (completeMs === undefined) {
  process.stderr.write(`no complete timeline screen (exit ${code})\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ entries, firstScreenMs: Math.round(firstScreenMs), completeMs: Math.round(completeMs), rssKiB: usage.maxRssKiB, cpuMs: usage.cpuMs }) + '\n');
