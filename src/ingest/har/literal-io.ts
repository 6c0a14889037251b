/**
 * Reading bodies back after ingest let go of them: a string literal inside the HAR
 * (read in chunks, unescaped, base64-decoded when flagged) or an attachment file.
 */
import { open, readFile } from 'node:fs/promises';
import type { BodyLocation } from '../../model/index.js';
import { Base64StreamDecoder } from '../scan/index.js';
import { JsonStringDecoder } from './json-string-decoder.js';

const READ_BYTES = 1 << 20;

type HarStringLocation = Extract<BodyLocation, { kind: 'har-string' }>;

/** Calls `onChunk` with the raw bytes between the literal's quotes, in order. */
export async function streamLiteralContent(loc: HarStringLocation, onChunk: (raw: Buffer) => void): Promise<void> {
  const fh = await open(loc.path, 'r');
  try {
    const buf = Buffer.allocUnsafe(Math.min(READ_BYTES, Math.max(loc.length, 1)));
    let pos = loc.offset + 1;
    const end = loc.offset + loc.length - 1;
    while (pos < end) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, end - pos), pos);
      if (bytesRead === 0) break;
      onChunk(buf.subarray(0, bytesRead));
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
}

/** The decoded bytes of a body kept as a location; a missing attachment reads as empty. */
export async function readHarBodyBytes(loc: Exclude<BodyLocation, { kind: 'saz-member' }>): Promise<Buffer> {
  if (loc.kind === 'file') {
    let bytes: Buffer;
    try {
      bytes = await readFile(loc.path);
    } catch {
      return Buffer.alloc(0);
    }
    return loc.base64 ? Buffer.from(bytes.toString('latin1'), 'base64') : bytes;
  }
  const unescape = new JsonStringDecoder();
  const base64 = loc.base64 ? new Base64StreamDecoder() : undefined;
  const out: Buffer[] = [];
  const take = (bytes: Buffer): void => {
    if (bytes.length === 0) return;
    // The unescaper may hand back the read buffer itself, which is reused: copy.
    out.push(base64 ? base64.push(bytes) : Buffer.from(bytes));
  };
  await streamLiteralContent(loc, (raw) => take(unescape.push(raw)));
  take(unescape.end());
  if (base64) out.push(base64.end());
  return Buffer.concat(out);
}
