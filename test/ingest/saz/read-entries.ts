/** Test helper: opens a SAZ and collects its entries and warnings. */
import type { Entry, RunWarning, TraceInfo } from '../../../src/model/index.js';
import { openSaz } from '../../../src/ingest/saz/index.js';
import type { SazTuning } from '../../../src/ingest/saz/open-archive.js';
import type { IngestProgress } from '../../../src/ingest/types.js';

export interface ReadResult {
  info: TraceInfo;
  entries: Entry[];
  warnings: RunWarning[];
  progress: IngestProgress[];
}

export async function readAll(path: string, password?: string, tuning?: SazTuning): Promise<ReadResult> {
  const warnings: RunWarning[] = [];
  const progress: IngestProgress[] = [];
  const reader = await openSaz(path, {
    input: 0,
    ...(password === undefined ? {} : { password }),
    onWarning: (w) => warnings.push(w),
    onProgress: (p) => progress.push(p),
  }, tuning);
  const entries: Entry[] = [];
  for await (const e of reader.entries()) entries.push(e);
  return { info: reader.info, entries, warnings, progress };
}
