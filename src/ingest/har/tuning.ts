import type { FragmentScannerOptions } from '../scan/index.js';
import { LARGE_BODY_BYTES } from '../types.js';

/** Sizes the reader works with. Tests shrink them to force every code path on small files. */
export interface HarTuning {
  /** Bytes per read. Large reads keep syscalls and per-chunk work negligible. */
  chunkBytes: number;
  /** String literals at least this long (quotes included) are cut out of an entry before JSON.parse. */
  mediumStringBytes: number;
  /** String literals with more content bytes than this are streamed and never held. */
  largeStringBytes: number;
  /** Small log members (creator, pages...) larger than this are ignored. */
  smallValueBytes: number;
  scanner?: FragmentScannerOptions;
}

export const DEFAULT_HAR_TUNING: HarTuning = {
  chunkBytes: 4 << 20,
  mediumStringBytes: 4096,
  largeStringBytes: LARGE_BODY_BYTES,
  smallValueBytes: 32 << 20,
};
