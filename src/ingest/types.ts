import type { Entry, RunWarning, TraceInfo } from '../model/index.js';

export interface IngestProgress {
  input: number;
  bytesRead: number;
  totalBytes: number;
  entries: number;
}

export interface OpenOptions {
  /** Input number (0-based) stamped on every entry. */
  input: number;
  /** Password for an encrypted SAZ. */
  password?: string;
  onProgress?: (p: IngestProgress) => void;
  onWarning?: (w: RunWarning) => void;
}

/**
 * A trace being read. `entries()` streams the entries once, in file order;
 * `info` is complete (entry count, sha256) after the stream ends.
 *
 * Entry bodies carry `text` only up to LARGE_BODY_BYTES; larger ones carry
 * `fragments` (what the scanner found) and a `location` to read them back.
 */
export interface TraceReader {
  info: TraceInfo;
  entries(): AsyncIterable<Entry>;
}

/** Bodies larger than this (decoded bytes) are not kept as text while streaming. */
export const LARGE_BODY_BYTES = 1 << 20;

/** Upper bound on any one decompressed body (gzip/deflate/br bombs). */
export const MAX_DECODED_BODY_BYTES = 256 << 20;
