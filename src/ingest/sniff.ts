import { open, stat } from 'node:fs/promises';
import { InputError } from './errors.js';

export type TraceFormat = 'har' | 'saz';

/**
 * Decide the format from the first bytes, never from the extension:
 * a zip local-file header means SAZ, a JSON object (after an optional BOM and
 * whitespace) means HAR.
 */
export async function sniffFormat(path: string): Promise<TraceFormat> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError('is-directory', `${path}: is a directory, not a trace file`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('not-found', `${path}: no such file`);
    if (code === 'EACCES') throw new InputError('no-access', `${path}: permission denied`);
    throw new InputError('unreadable', `${path}: cannot read (${code ?? 'unknown error'})`);
  }
  if (size === 0) throw new InputError('empty', `${path}: empty file, not a HAR or SAZ trace`);
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, 4096));
    await fh.read(buf, 0, buf.length, 0);
    if (buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 0x03 || buf[2] === 0x05) ) return 'saz';
    let i = 0;
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
    while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++;
    if (buf[i] === 0x7b /* { */) return 'har';
    throw new InputError('unknown-format', `${path}: not a HAR (JSON) or SAZ (zip) file`);
  } finally {
    await fh.close();
  }
}
