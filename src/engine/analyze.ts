/**
 * The whole run: trace files → entries → Session → findings → Report.
 * This is the library entry point (`analyze()`); the CLI and the TUI call it.
 */
import type { AnalysisSettings, Entry, Report, RunWarning, TraceInfo } from '../model/index.js';
import { DEFAULT_SETTINGS } from '../model/index.js';
import { openTrace, type IngestProgress } from '../ingest/index.js';
import { createExtractor, type Session } from '../extract/index.js';
import { RULES } from '../rules/index.js';
import { buildReport, createEntryStats } from '../report/index.js';
import { loadKeySetFile } from './jwks-files.js';
import { orderAndNumber } from './order.js';
import { runRules } from './run-rules.js';
import { TOOL_VERSION } from './version.js';

export interface AnalyzeOptions {
  settings?: Partial<AnalysisSettings>;
  /** Password for encrypted SAZ inputs. */
  password?: string;
  /** Extra JWKS / openid-configuration files (--jwks). */
  jwksFiles?: string[];
  onProgress?: (p: IngestProgress & { phase: 'reading' | 'analyzing' }) => void;
  /**
   * The entries read so far (trimmed, file order per input; a live view that keeps
   * growing), offered with the first entry after each progress report and at the
   * hundredth, so a viewer can show the timeline while the rest is still being read.
   */
  onEntries?: (entries: readonly Entry[]) => void;
  /** Stops reading at the next entry (the viewer was closed before loading ended); analyze then rejects. */
  signal?: AbortSignal;
  /** Report time; defaults to the wall clock (only the report's generatedAt uses it). */
  generatedAt?: number;
  /** Display names for inputs (e.g. "-" for stdin spooled to a temp file). */
  displayPaths?: string[];
}

export interface AnalysisResult {
  report: Report;
  session: Session;
  /** Every entry, timeline order, bodies trimmed (read them back with readBody). */
  entries: Entry[];
  inputs: TraceInfo[];
}

/** Enough entries to fill a screen: offered at once, before the first progress report. */
const FIRST_OFFER = 100;

export async function analyze(paths: string[], options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const extraKeySets = await Promise.all((options.jwksFiles ?? []).map(loadKeySetFile));
  const extractor = createExtractor({ settings, extraKeySets });
  const stats = createEntryStats();
  const warnings: RunWarning[] = [];
  const inputs: TraceInfo[] = [];
  for (let i = 0; i < paths.length; i++) {
    let offer = false;
    const reader = await openTrace(paths[i]!, {
      input: i,
      ...(options.password !== undefined ? { password: options.password } : {}),
      onWarning: (w) => warnings.push(w),
      ...(options.onProgress || options.onEntries
        ? {
            onProgress: (p: IngestProgress) => {
              options.onProgress?.({ ...p, phase: 'reading' });
              offer = true;
            },
          }
        : {}),
    });
    for await (const entry of reader.entries()) {
      // Leaving the loop closes the reader (its file handle, its helper pass).
      if (options.signal?.aborted) throw new Error('analysis stopped');
      stats.add(entry);
      extractor.add(entry);
      if (options.onEntries && (offer || extractor.entriesSoFar().length === FIRST_OFFER)) {
        offer = false;
        options.onEntries(extractor.entriesSoFar());
      }
    }
    const info = { ...reader.info };
    const shown = options.displayPaths?.[i];
    if (shown) info.path = shown;
    inputs.push(info);
  }
  options.onProgress?.({ input: paths.length - 1, bytesRead: 0, totalBytes: 0, entries: stats.result().entries, phase: 'analyzing' });
  const session = await extractor.finish(inputs);
  const run = runRules(RULES, session, settings);
  const findings = orderAndNumber(run.findings);
  const report = buildReport({
    session,
    findings,
    settings,
    inputs,
    stats: stats.result(),
    warnings: [...warnings, ...session.warnings, ...run.warnings],
    toolVersion: TOOL_VERSION,
    generatedAt: options.generatedAt ?? Date.now(),
  });
  return { report, session, entries: session.entries, inputs };
}

