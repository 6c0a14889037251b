/** The contract between the CLI and the interactive timeline. */
import type { BodyRef, Entry, Report } from '../model/index.js';

export interface TuiData {
  report: Report;
  /** All inputs' entries, in any order; the timeline sorts them by start time. */
  entries: Entry[];
}

export interface TuiProgress {
  bytesRead: number;
  totalBytes: number;
  entries: number;
  phase: 'reading' | 'analyzing';
  /**
   * The entries read so far, when the loader can offer them: the timeline shows them
   * while the rest is read; findings and tokens come when analysis ends.
   */
  partial?: readonly Entry[];
}

export type ExportKind = 'json' | 'markdown';

export interface TuiOptions {
  /** Reads and analyzes the inputs; rejects with a one-line Error the screen shows before exiting. */
  load(onProgress: (p: TuiProgress) => void): Promise<TuiData>;
  readBody(ref: BodyRef): Promise<Buffer>;
  showSecrets: boolean;
  /** Writes the report; resolves with the path written. */
  exportReport(kind: ExportKind, path: string): Promise<string>;
  defaultExportPath(kind: ExportKind): string;
  noColor: boolean;
  /** Input names for the title line while loading (the report names them afterwards). */
  inputNames?: readonly string[];
}
