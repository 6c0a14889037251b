#!/usr/bin/env node
/**
 * `npm run bench`: makes the synthetic traces (cached in bench/out/), runs every
 * tool on them as separate processes for several interleaved rounds, prints
 * the results and the goals as Markdown and writes bench/results.json.
 *
 *   --sizes 100MB,1GB   HAR sizes          --saz-size 200MB   SAZ size (0 for none)
 *   --startup-size 1MB  a small HAR that measures the fixed start-up cost (0 for none)
 *   --rounds 5          rounds per tool    --seed 1           generator seed
 *   --quick             20 MB HAR and SAZ, one round (a smoke check)
 *   --tools a,b         only these tools (trace-audit, ingest-only, json-parse, stream-json, tui-first-screen)
 *   --update-docs       also put the tables into docs/performance.md
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, runMain } from './lib/args.mjs';
import { cached } from './lib/cache.mjs';
import { machineFacts } from './lib/machine.mjs';
import { measure, median } from './lib/measure.mjs';
import { RUNNERS, tuiAvailable } from './lib/runners.mjs';
import { failureNotes, machineLine, resultsTable, targetsTable } from './lib/table.mjs';
import { judge } from './lib/targets.mjs';
import { updateDocs } from './lib/docs.mjs';
import { humanSize, MIB, parseSize, sizeLabel } from './lib/units.mjs';
import { generateHar } from './generate-har.mjs';
import { generateSaz } from './generate-saz.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/out');
const log = (line) => process.stderr.write(`${line}\n`);

function plan(args) {
  const quick = args.quick;
  const sizes = (quick ? '20MB' : args.sizes).split(',').map(parseSize);
  const sazSize = parseSize(quick ? '20MB' : args['saz-size']);
  const harTrace = (sizeBytes, role) => ({ id: `har-${sizeLabel(sizeBytes)}`, format: 'har', sizeBytes, label: `HAR ${humanSize(sizeBytes)}`, path: join(OUT, `trace-${sizeLabel(sizeBytes)}.har`), ...(role ? { role } : {}) });
  const traces = sizes.map((sizeBytes) => harTrace(sizeBytes));
  // A small trace run by trace-audit alone: its time is the fixed start-up cost the linearity goal takes out.
  const startupSize = quick ? 0 : parseSize(args['startup-size']);
  if (startupSize > 0) traces.unshift(harTrace(startupSize, 'startup'));
  if (sazSize > 0) traces.push({ id: `saz-${sizeLabel(sazSize)}`, format: 'saz', sizeBytes: sazSize, label: `SAZ ${humanSize(sazSize)}`, path: join(OUT, `trace-${sizeLabel(sazSize)}.saz`) });
  return { traces, rounds: quick ? 1 : Number(args.rounds), seed: Number(args.seed), only: args.tools ? new Set(args.tools.split(',')) : undefined };
}

async function ensureTraces(traces, seed) {
  for (const t of traces) {
    const recipe = { kind: t.format, size: t.sizeBytes, seed };
    if (!cached(t.path, recipe)) {
      log(`generating ${t.path} ...`);
      const started = performance.now();
      await (t.format === 'har' ? generateHar : generateSaz)({ size: t.sizeBytes, seed, out: t.path });
      log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    t.fileBytes = statSync(t.path).size;
  }
}

function toolsFor(trace, traces, only) {
  if (trace.role === 'startup') return ['trace-audit'].filter((t) => !only || only.has(t));
  const hars = traces.filter((t) => t.format === 'har' && !t.role);
  const largest = hars.reduce((a, b) => (b.sizeBytes > a.sizeBytes ? b : a), hars[0]);
  const tools = trace.format === 'har' ? ['trace-audit', 'ingest-only', 'json-parse', 'stream-json'] : ['trace-audit', 'ingest-only'];
  if (trace === largest && tuiAvailable(ROOT)) tools.push('tui-first-screen');
  return tools.filter((t) => !only || only.has(t));
}

async function runAll(traces, rounds, only) {
  const rows = traces.flatMap((trace) => toolsFor(trace, traces, only).map((tool) => ({ trace, tool, runs: [], outcomes: [] })));
  for (let round = 1; round <= rounds; round++) {
    // Rounds are interleaved so that a busy moment on the machine hurts every tool alike.
    for (const row of rows) {
      if (row.outcomes.some((o) => o.status !== 'ok')) continue;
      const runner = RUNNERS[row.tool];
      const workDir = join(OUT, 'runs', row.tool);
      const run = await measure(runner.args(row.trace.path, workDir), { cwd: ROOT, workDir });
      const outcome = runner.outcome(run, workDir);
      // A runner that measures another process (the TUI in a pseudo-terminal) reports that process's memory and CPU.
      if (outcome.rssKiB !== undefined) run.rssKiB = outcome.rssKiB;
      if (outcome.cpuMs !== undefined) run.cpuMs = outcome.cpuMs;
      row.runs.push(run);
      row.outcomes.push(outcome);
      const secs = ((outcome.timeMs ?? run.wallMs) / 1000).toFixed(2);
      log(`round ${round}/${rounds}  ${row.trace.label.padEnd(14)} ${runner.label.padEnd(26)} ${outcome.status === 'ok' ? `${secs} s` : outcome.status}`);
    }
  }
  return rows.map(summarize);
}

function summarize({ trace, tool, runs, outcomes }) {
  const bad = outcomes.find((o) => o.status !== 'ok');
  const times = outcomes.map((o, i) => o.timeMs ?? runs[i].wallMs);
  const medianMs = median(times);
  const last = runs[runs.length - 1];
  return {
    trace: trace.id, traceLabel: trace.label, sizeBytes: trace.fileBytes, tool, label: RUNNERS[tool].label,
    status: bad ? bad.status : 'ok', reason: bad?.reason, exitCode: last?.exitCode, signal: last?.signal, error: bad ? last?.error : undefined,
    rounds: runs.map((r, i) => ({ wallMs: Math.round(r.wallMs), timeMs: Math.round(times[i]), cpuMs: r.cpuMs && Math.round(r.cpuMs), rssKiB: r.rssKiB, exitCode: r.exitCode, entries: outcomes[i].entries, ...(outcomes[i].completeMs !== undefined ? { completeMs: Math.round(outcomes[i].completeMs) } : {}) })),
    medianMs, mbPerS: trace.fileBytes / MIB / (medianMs / 1000), peakRssMiB: Math.max(...runs.map((r) => r.rssKiB ?? 0)) / 1024,
    medianCpuMs: median(runs.map((r) => r.cpuMs)), entries: outcomes.find((o) => o.entries !== undefined)?.entries,
    medianCompleteMs: median(outcomes.map((o) => o.completeMs)),
  };
}

/** Tools that read the same file should agree on its entry count; a difference points at a reader bug. */
function entryMismatches(results) {
  const notes = [];
  for (const trace of new Set(results.map((r) => r.trace))) {
    const counts = results.filter((r) => r.trace === trace && r.status === 'ok' && r.entries !== undefined);
    if (new Set(counts.map((r) => r.entries)).size > 1) notes.push(`- ${counts[0].traceLabel}: entry counts differ: ${counts.map((r) => `${r.tool} ${r.entries}`).join(', ')}`);
  }
  return notes.join('\n');
}

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), { defaults: { sizes: '100MB,1GB', 'saz-size': '200MB', 'startup-size': '1MB', rounds: '5', seed: '1', quick: false, tools: '', 'update-docs': false } });
  if (!existsSync(join(ROOT, 'dist/cli.js'))) throw new Error('dist/ is missing: run "npm run build" first');
  const { traces, rounds, seed, only } = plan(args);
  const machine = machineFacts();
  const started = performance.now();
  await ensureTraces(traces, seed);
  const results = await runAll(traces, rounds, only);
  machine.loadAverageEnd = machineFacts().loadAverage;
  const verdicts = judge(results, traces);
  const notes = [failureNotes(results), entryMismatches(results), tuiAvailable(ROOT) ? '' : '- TUI first screen: n/a (dist/tui is not built yet)'].filter(Boolean).join('\n');
  const markdown = [`Machine: ${machineLine(machine)}. ${rounds} round(s), median wall time; MiB = 2^20 bytes.`, '', resultsTable(results), '', targetsTable(verdicts), ...(notes ? ['', notes] : [])].join('\n');
  process.stdout.write(`${markdown}\n`);
  const file = join(ROOT, 'bench/results.json');
  writeFileSync(file, JSON.stringify({ machine, settings: { rounds, seed, traces: traces.map(({ id, format, sizeBytes, fileBytes, role }) => ({ id, format, sizeBytes, fileBytes, ...(role ? { role } : {}) })) }, results, targets: verdicts }, null, 2) + '\n');
  if (args['update-docs']) updateDocs(join(ROOT, 'docs/performance.md'), markdown);
  log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s; results in bench/results.json`);
});
