import { stat } from 'node:fs/promises';
import { InputError } from './errors.js';

/** Size of a trace file, or the one-line InputError a user can act on (missing, directory, no access). */
export async function traceFileSize(path: string): Promise<number> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError('is-directory', `${path}: is a directory, not a trace file`);
    return st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('not-found', `${path}: no such file`);
    if (code === 'EACCES') throw new InputError('no-access', `${path}: permission denied`);
    throw new InputError('unreadable', `${path}: cannot read (${code ?? 'unknown error'})`);
  }
}
