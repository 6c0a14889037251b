/**
 * HAR files saved as UTF-16 are converted, once, to a private UTF-8 copy that
 * the streaming reader (a UTF-8 byte splitter) can read; bodies are read back
 * from that copy later, so it lives until the process exits.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

let dir: string | undefined;

function tempDir(): string {
  if (!dir) {
    const made = mkdtempSync(join(tmpdir(), 'trace-audit-utf16-'));
    dir = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return dir;
}

/** Transcode to UTF-8; returns the copy's path and the sha256 of the original bytes. */
export async function transcodeUtf16(path: string, encoding: 'utf-16le' | 'utf-16be', n: number): Promise<{ path: string; sha256: string }> {
  const out = join(tempDir(), `input-${n}.har`);
  const decoder = new TextDecoder(encoding);
  const hash = createHash('sha256');
  const writer = createWriteStream(out, { mode: 0o600 });
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) {
    hash.update(chunk as Buffer);
    if (!writer.write(decoder.decode(chunk as Buffer, { stream: true }).replace(/^\uFEFF/, ''))) await once(writer, 'drain');
  }
  writer.end(decoder.decode());
  await once(writer, 'finish');
  return { path: out, sha256: hash.digest('hex') };
}
