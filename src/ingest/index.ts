/**
 * Ingest: turns trace files into a stream of normalized `Entry` values.
 * The only door into this folder.
 */
import { openHar } from './har/index.js';
import { openSaz } from './saz/index.js';
import { sniffFormat } from './sniff.js';
import type { OpenOptions, TraceReader } from './types.js';

export { InputError, isInputError } from './errors.js';
export { sniffFormat, type TraceFormat } from './sniff.js';
export { readBody } from './bodies.js';
export * from './types.js';

/** Open a HAR or SAZ file, whichever its content says it is. */
export async function openTrace(path: string, options: OpenOptions): Promise<TraceReader> {
  const format = await sniffFormat(path);
  return format === 'har' ? openHar(path, options) : openSaz(path, options);
}
