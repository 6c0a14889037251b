/**
 * Writing reports. A report file is either the old one or the complete new
 * one, never half of each: content goes to a temp file in the same directory
 * (same file system, so rename is atomic), is flushed to disk, then renamed
 * over the target. Inputs are never overwritten.
 */
import { randomBytes } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { chmod, open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../ingest/errors.js';

/**
 * An output the user can fix (unwritable path, output same as an input). It is
 * an InputError so the CLI prints it as one line and exits with 2.
 */
export class OutputError extends InputError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'OutputError';
  }
}

export interface WriteOutputOptions {
  /** Where `-` writes; process.stdout by default. */
  stdout?: NodeJS.WritableStream;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'directory does not exist',
  ENOTDIR: 'a parent path is not a directory',
  EISDIR: 'it is a directory',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EPIPE: 'the reader closed the pipe',
};

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code) return REASONS[code] ?? code;
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0] ?? 'unknown error';
}

function writeFailed(path: string, err: unknown): OutputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const where = path === '-' ? 'stdout' : path;
  return new OutputError(code === 'EPIPE' ? 'output-closed' : 'output-write-failed', `Cannot write ${where}: ${reasonOf(err)}`);
}

/** Writes and resolves once the stream has taken the chunk (and drained, when it had to buffer). */
function writeToStream(stream: NodeJS.WritableStream, content: string | Buffer): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let written = false;
    let drained = true;
    const cleanup = () => {
      stream.removeListener('error', onError);
      stream.removeListener('drain', onDrain);
    };
    const settle = () => {
      if (!written || !drained) return;
      cleanup();
      resolvePromise();
    };
    const onError = (err: unknown) => {
      cleanup();
      reject(err);
    };
    const onDrain = () => {
      drained = true;
      settle();
    };
    stream.on('error', onError);
    stream.on('drain', onDrain);
    drained = stream.write(content, (err?: Error | null) => {
      if (err) return onError(err);
      written = true;
      settle();
    });
    settle();
  });
}

/** Follows a symlink at `path` so the file it points to is replaced, not the link. */
async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

async function modeOf(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/** Makes the rename itself durable; not possible everywhere (Windows), so failures are ignored. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    /* best effort */
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Write `content` to `path` atomically; `-` means stdout. An existing file is
 * replaced whole and keeps its permissions. On failure nothing is left behind
 * and an OutputError names the path and the reason in one line.
 */
export async function writeOutputAtomic(
  path: string,
  content: string | Buffer,
  options: WriteOutputOptions = {},
): Promise<void> {
  if (path === '-') {
    try {
      await writeToStream(options.stdout ?? process.stdout, content);
    } catch (err) {
      throw writeFailed(path, err);
    }
    return;
  }
  const target = await resolveTarget(path);
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  let created = false;
  try {
    const mode = await modeOf(target);
    handle = await open(temp, 'wx', mode ?? 0o666);
    created = true;
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    // open() applied the umask; a replaced file keeps exactly the mode it had.
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    if (created) await unlink(temp).catch(() => undefined);
    throw writeFailed(path, err);
  }
  await syncDirectory(dir);
}

interface FileIdentity {
  real: string;
  dev: number;
  ino: number;
}

function identify(path: string): FileIdentity | undefined {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return undefined;
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    real = resolve(path);
  }
  return { real, dev: info.dev, ino: info.ino };
}

/**
 * Refuses an output path that is one of the inputs: same resolved real path
 * (symlinks followed) or the same file under another name (hard link).
 * `-` on either side is a stream, never a file.
 */
export function assertNotAnInput(outputPath: string, inputPaths: readonly string[]): void {
  if (outputPath === '-') return;
  const output = identify(outputPath);
  if (!output) return;
  for (const inputPath of inputPaths) {
    if (inputPath === '-') continue;
    const input = identify(inputPath);
    if (!input) continue;
    const sameInode = input.ino !== 0 && input.dev === output.dev && input.ino === output.ino;
    if (input.real === output.real || sameInode) {
      throw new OutputError(
        'output-is-input',
        `Output ${outputPath} is the same file as input ${inputPath}; choose another output path`,
      );
    }
  }
}
