/** Test helper: read a whole HAR through the streaming reader. */
import type { Entry, RunWarning, TraceInfo } from '../../../src/model/index.js';
import { openHarWith, DEFAULT_HAR_TUNING, type HarTuning } from '../../../src/ingest/har/index.js';
import type { IngestProgress } from '../../../src/ingest/types.js';

export interface ReadResult {
  info: TraceInfo;
  entries: Entry[];
  warnings: RunWarning[];
  progress: IngestProgress[];
}

export async function readAll(path: string, tuning: Partial<HarTuning> = {}): Promise<ReadResult> {
  const warnings: RunWarning[] = [];
  const progress: IngestProgress[] = [];
  const reader = await openHarWith(
    path,
    { input: 0, onWarning: (w) => warnings.push(w), onProgress: (p) => progress.push(p) },
    { ...DEFAULT_HAR_TUNING, ...tuning },
  );
  const entries: Entry[] = [];
  for await (const e of reader.entries()) entries.push(e);
  return { info: reader.info, entries, warnings, progress };
}

export const fixture = (name: string): string => `test/fixtures/har/${name}`;
