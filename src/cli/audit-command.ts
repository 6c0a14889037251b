/**
 * `trace-audit [options] <trace...>`: analyze, then write the requested
 * outputs, then either open the interactive timeline or print the text summary.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { analyze, TOOL_VERSION, type AnalysisResult } from '../engine/index.js';
import { readBody } from '../ingest/index.js';
import type { Entry, Report } from '../model/index.js';
import { assertNotAnInput, formatJson, formatMarkdown, formatText, writeOutputAtomic, writeSanitizedHar } from '../report/index.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './errors.js';
import { resolveInputs } from './inputs.js';
import { createProgress } from './progress.js';
import { failOnFrom, settingsFrom, shouldFail, type AuditFlags } from './settings.js';

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
}

function colorWanted(io: CliIo, stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && io.env.TERM !== 'dumb';
}

export function defaultExportPath(firstInput: string | undefined, kind: 'json' | 'markdown'): string {
  const ext = kind === 'json' ? '.trace-audit.json' : '.trace-audit.md';
  if (!firstInput || firstInput === '-') return `trace-audit-report${ext}`;
  return join(dirname(firstInput), basename(firstInput).replace(/\.(har|saz|json|zip)$/i, '') + ext);
}

async function totalSize(paths: string[]): Promise<number> {
  let total = 0;
  for (const p of paths) total += await stat(p).then((s) => (s.isFile() ? s.size : 0), () => 0);
  return total;
}

export async function runAudit(operands: string[], flags: AuditFlags, io: CliIo): Promise<number> {
  const settings = settingsFrom(flags);
  const failOn = failOnFrom(flags.failOn);
  if (flags.json === '-' && flags.markdown === '-') throw new UsageError('--json - and --markdown - cannot both write to stdout');
  if (flags.sanitizePii && !flags.sanitize) throw new UsageError('--sanitize-pii needs --sanitize <file>');
  const inputs = await resolveInputs(operands, io.stdin);
  try {
    for (const out of [flags.json, flags.markdown, flags.sanitize]) if (out && out !== '-') await assertNotAnInput(out, inputs.paths);
    if (flags.sanitize === '-') throw new UsageError('--sanitize needs a file path');
    const password = flags.password ?? io.env.TRACE_AUDIT_SAZ_PASSWORD;
    const interactive =
      flags.tui && io.stdout.isTTY === true && io.stdin.isTTY === true && !flags.json && !flags.markdown && !flags.sanitize && !operands.includes('-');
    const analyzeOptions = {
      settings,
      jwksFiles: flags.jwks,
      displayPaths: inputs.displayPaths,
      ...(password ? { password } : {}),
    };
    const readBack = (ref: Parameters<typeof readBody>[0]) => readBody(ref, password ? { password } : {});

    if (interactive) {
      // Reading starts before the terminal UI is loaded (Ink and React take a moment to compile);
      // the loading screen picks up the latest progress when it subscribes. Entries read so far
      // go with each report, so the timeline shows them while the rest is read.
      type Progress = { bytesRead: number; totalBytes: number; entries: number; phase: 'reading' | 'analyzing'; partial?: readonly Entry[] };
      let latest: Progress | undefined;
      let partial: readonly Entry[] | undefined;
      let listener: ((p: Progress) => void) | undefined;
      const tell = () => {
        if (latest) listener?.(partial ? { ...latest, partial } : latest);
      };
      const stop = new AbortController();
      const analysis = analyze(inputs.paths, {
        ...analyzeOptions,
        signal: stop.signal,
        onProgress: (p) => {
          latest = { bytesRead: p.bytesRead, totalBytes: p.totalBytes, entries: p.entries, phase: p.phase };
          tell();
        },
        onEntries: (entries) => {
          partial = entries;
          latest = { ...(latest ?? { bytesRead: 0, totalBytes: 0, phase: 'reading' as const }), entries: entries.length };
          tell();
        },
      });
      // Failures are shown by the loading screen, which awaits this promise.
      analysis.catch(() => undefined);
      const { runTui } = await import('../tui/index.js');
      let result: AnalysisResult | undefined;
      await runTui({
        load: async (onProgress) => {
          listener = onProgress;
          tell();
          result = await analysis;
          return { report: result.report, entries: result.entries };
        },
        readBody: readBack,
        showSecrets: settings.showSecrets,
        noColor: !colorWanted(io, io.stdout),
        defaultExportPath: (kind) => defaultExportPath(inputs.displayPaths[0], kind),
        inputNames: inputs.displayPaths,
        exportReport: async (kind, path) => {
          if (!result) throw new Error('nothing to export yet');
          await assertNotAnInput(path, inputs.paths);
          await writeOutputAtomic(path, kind === 'json' ? formatJson(result.report) : formatMarkdown(result.report));
          return path;
        },
      });
      // Quit while loading: stop reading rather than finish a trace nobody will look at.
      stop.abort();
      await analysis.catch(() => undefined);
      return result && shouldFail(result.report.summary.findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
    }

    const progress = createProgress(await totalSize(inputs.paths), io.stderr);
    let result: AnalysisResult;
    try {
      result = await analyze(inputs.paths, { ...analyzeOptions, onProgress: (p) => progress.update(p) });
    } finally {
      progress.done();
    }
    await writeOutputs(result.report, flags, io);
    if (flags.sanitize) {
      const written = await writeSanitizedHar(inputs.paths, flags.sanitize, {
        pii: flags.sanitizePii === true,
        toolVersion: TOOL_VERSION,
        ...(password ? { password } : {}),
      });
      io.stderr.write(`sanitized copy: ${written.path} (${written.entries} ${written.entries === 1 ? "entry" : "entries"})\n`);
    }
    return shouldFail(result.report.summary.findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
  } finally {
    await inputs.cleanup();
  }
}

async function writeOutputs(report: Report, flags: AuditFlags, io: CliIo): Promise<void> {
  if (flags.json) await writeOutputAtomic(flags.json, formatJson(report), { stdout: io.stdout });
  if (flags.markdown) await writeOutputAtomic(flags.markdown, formatMarkdown(report), { stdout: io.stdout });
  const stdoutTaken = flags.json === '-' || flags.markdown === '-';
  const text = formatText(report, { color: colorWanted(io, stdoutTaken ? io.stderr : io.stdout), width: Math.max(60, Math.min(120, (stdoutTaken ? io.stderr : io.stdout).columns ?? 100)) });
  // With a report on stdout, pipes stay clean: the human summary goes to stderr, and only for a person watching.
  if (!stdoutTaken) io.stdout.write(text);
  else if (io.stderr.isTTY) io.stderr.write(text);
}
