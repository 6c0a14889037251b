import { open } from 'node:fs/promises';
import { InputError } from './errors.js';
import { traceFileSize } from './file-size.js';

/** `har-utf16le` / `har-utf16be`: a HAR saved as UTF-16 (Windows PowerShell's default file encoding). */
export type TraceFormat = 'har' | 'har-utf16le' | 'har-utf16be' | 'saz';

/**
 * Decide the format from the first bytes, never from the extension:
 * a zip local-file header means SAZ, a JSON object (after an optional BOM and
 * whitespace) means HAR.
 */
export async function sniffFormat(path: string): Promise<TraceFormat> {
  const size = await traceFileSize(path);
  if (size === 0) throw new InputError('empty', `${path}: empty file, not a HAR or SAZ trace`);
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, 4096));
    await fh.read(buf, 0, buf.length, 0);
    if (buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 0x03 || buf[2] === 0x05)) return 'saz';
    const utf16 = utf16Kind(buf);
    if (utf16) return utf16;
    let i = 0;
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
    while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++;
    if (buf[i] === 0x7b /* { */) return 'har';
    throw new InputError('unknown-format', `${path}: not a HAR (JSON) or SAZ (zip) file`);
  } finally {
    await fh.close();
  }
}

/** UTF-16 with a BOM, or without one when the text starts `{` (then every other byte is 0). */
function utf16Kind(buf: Buffer): 'har-utf16le' | 'har-utf16be' | undefined {
  let le = buf[0] === 0xff && buf[1] === 0xfe;
  let be = buf[0] === 0xfe && buf[1] === 0xff;
  if (!le && !be && buf.length >= 4) {
    le = buf[1] === 0 && buf[3] === 0 && buf[0] !== 0;
    be = buf[0] === 0 && buf[2] === 0 && buf[1] !== 0;
  }
  if (!le && !be) return undefined;
  const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(buf.subarray(0, buf.length & ~1));
  return /^\uFEFF?\s*\{/.test(text) ? (le ? 'har-utf16le' : 'har-utf16be') : undefined;
}
