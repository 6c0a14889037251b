/**
 * SAZ reader (Fiddler Classic, Fiddler Everywhere, FiddlerCore): a zip of
 * raw HTTP messages, one request/response/metadata triple per session.
 */
import type { TraceInfo } from '../../model/index.js';
import type { OpenOptions, TraceReader } from '../types.js';
import { streamEntries } from './entry-stream.js';
import { DEFAULT_SAZ_TUNING, openArchive, type SazTuning } from './open-archive.js';
import { producerFromComment } from './producer.js';

export { readSazBody } from './read-body.js';

export async function openSaz(path: string, options: OpenOptions, tuning: SazTuning = DEFAULT_SAZ_TUNING): Promise<TraceReader> {
  const archive = await openArchive(path, options.password, tuning);
  if (archive.layout.unsafeNames.length > 0) {
    options.onWarning?.({
      code: 'saz-unsafe-member-name',
      message: `${path}: ignored ${archive.layout.unsafeNames.length} archive member name(s) pointing outside the archive`,
      entries: [],
    });
  }
  const info: TraceInfo = {
    input: options.input,
    path,
    format: 'saz',
    producer: producerFromComment(archive.directory.comment),
    entries: 0,
    sizeBytes: archive.file.size,
    // Filled in when the entry stream has read the whole file.
    sha256: '',
  };
  let started = false;
  return {
    info,
    entries() {
      if (started) throw new Error(`${path}: SAZ entries can only be streamed once`);
      started = true;
      return streamEntries(archive, path, options, info);
    },
  };
}
