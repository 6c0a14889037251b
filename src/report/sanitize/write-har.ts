/**
 * Writes the sanitized HAR as a stream into a temp file beside the target and
 * renames it into place only when complete: a failure leaves no half file.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';

export interface StreamingFile {
  write(chunk: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export function openAtomic(path: string): StreamingFile {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const out = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
  let failed: Error | undefined;
  out.on('error', (e) => (failed = e));
  return {
    async write(chunk) {
      if (failed) throw failed;
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'error')]);
      if (failed) throw failed;
    },
    async commit() {
      out.end();
      await once(out, 'finish');
      if (failed) throw failed;
      await rename(temp, path);
    },
    async abort() {
      out.destroy();
      await unlink(temp).catch(() => undefined);
    },
  };
}
