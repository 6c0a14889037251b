/**
 * Ingest: turns trace files into a stream of normalized `Entry` values.
 * The only door into this folder.
 */
import { openHar } from './har/index.js';
import { openSaz } from './saz/index.js';
import { sniffFormat } from './sniff.js';
import { transcodeUtf16 } from './utf16.js';
import type { OpenOptions, TraceReader } from './types.js';

export { InputError, isInputError } from './errors.js';
export { sniffFormat, type TraceFormat } from './sniff.js';
export { readBody } from './bodies.js';
export * from './types.js';

/** Open a HAR or SAZ file, whichever its content says it is. */
export async function openTrace(path: string, options: OpenOptions): Promise<TraceReader> {
  const format = await sniffFormat(path);
  if (format === 'saz') return openSaz(path, options);
  if (format === 'har') return openHar(path, options);
  const copy = await transcodeUtf16(path, format === 'har-utf16le' ? 'utf-16le' : 'utf-16be', options.input);
  const reader = await openHar(copy.path, options);
  // Outputs name and fingerprint the file the user gave, not the private copy.
  const entries = reader.entries.bind(reader);
  return {
    get info() {
      return reader.info;
    },
    async *entries() {
      yield* entries();
      reader.info.path = path;
      reader.info.sha256 = copy.sha256;
    },
  };
}
