/**
 * The streaming HAR reader. Entries are produced lazily, one at a time, in file
 * order; bodies over LARGE_BODY_BYTES are never held (fragments + location).
 */
import type { BodyLocation, TraceInfo } from '../../model/index.js';
import { traceFileSize } from '../file-size.js';
import type { OpenOptions, TraceReader } from '../types.js';
import { readHarBodyBytes } from './literal-io.js';
import { HarPass } from './reader.js';
import { DEFAULT_HAR_TUNING, type HarTuning } from './tuning.js';

export type { HarTuning } from './tuning.js';
export { DEFAULT_HAR_TUNING } from './tuning.js';

export async function openHar(path: string, options: OpenOptions): Promise<TraceReader> {
  return openHarWith(path, options, DEFAULT_HAR_TUNING);
}

/** `openHar` with explicit sizes (tests use tiny chunks to exercise every boundary). */
export async function openHarWith(path: string, options: OpenOptions, tuning: HarTuning): Promise<TraceReader> {
  const sizeBytes = await traceFileSize(path);
  const info: TraceInfo = { input: options.input, path, format: 'har', entries: 0, sizeBytes, sha256: '' };
  let primed: HarPass | undefined = new HarPass(path, options, tuning, info);
  await primed.prime();
  return {
    info,
    entries() {
      const pass = primed ?? new HarPass(path, options, tuning, info);
      primed = undefined;
      return pass.entries();
    },
  };
}

/** The decoded bytes of a HAR body kept as a location (a missing attachment gives an empty buffer). */
export async function readHarBody(loc: Exclude<BodyLocation, { kind: 'saz-member' }>): Promise<Buffer> {
  return readHarBodyBytes(loc);
}

