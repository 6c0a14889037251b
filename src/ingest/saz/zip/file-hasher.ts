/**
 * sha256 of the input file. Small files are hashed inline from the blocks
 * the reader loads anyway; large ones by a worker thread that reads the file
 * on its own (from the page cache, in practice), so hashing a 1 GB SAZ takes
 * no main-thread time and no copies between threads.
 */
import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface FileHasher {
  /** Whether the caller must pass every block, in file order, to `update`. */
  readonly wantsBlocks: boolean;
  update(block: Buffer): void;
  /** Hex digest of the file. */
  digest(): Promise<string>;
  /** Stops a worker early (stream abandoned). */
  dispose(): void;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const hash = require('node:crypto').createHash('sha256');
const buf = Buffer.allocUnsafe(4 << 20);
let fd;
try {
  fd = fs.openSync(workerData.path, 'r');
  let pos = 0;
  while (pos < workerData.size) {
    const n = fs.readSync(fd, buf, 0, Math.min(buf.length, workerData.size - pos), pos);
    if (n === 0) break;
    hash.update(buf.subarray(0, n));
    pos += n;
  }
  parentPort.postMessage({ hex: hash.digest('hex') });
} catch (e) {
  parentPort.postMessage({ error: String((e && e.code) || 'read error') });
} finally {
  if (fd !== undefined) fs.closeSync(fd);
}
`;

/** Below this the worker's start-up costs more than hashing inline. */
const WORKER_MIN_BYTES = 32 << 20;

class InlineHasher implements FileHasher {
  readonly wantsBlocks = true;
  private readonly hash: Hash = createHash('sha256');
  update(block: Buffer): void {
    this.hash.update(block);
  }
  async digest(): Promise<string> {
    return this.hash.digest('hex');
  }
  dispose(): void {}
}

class WorkerHasher implements FileHasher {
  readonly wantsBlocks = false;
  private readonly worker: Worker;
  private readonly result: Promise<string>;

  constructor(path: string, size: number) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, size } });
    // An abandoned stream must not keep the process alive.
    this.worker.unref();
    this.result = new Promise<string>((resolve, reject) => {
      this.worker.once('message', (m: { hex?: string; error?: string }) => (m.hex ? resolve(m.hex) : reject(new Error(m.error))));
      this.worker.once('error', reject);
    });
    this.result.catch(() => undefined);
  }

  update(): void {}

  digest(): Promise<string> {
    return this.result;
  }

  dispose(): void {
    void this.worker.terminate();
  }
}

/** For reads that need no digest. */
export const NO_HASH: FileHasher = {
  wantsBlocks: false,
  update: () => undefined,
  digest: async () => '',
  dispose: () => undefined,
};

/** `worker` forces the choice (tests); by default large files go to a worker. */
export function createFileHasher(path: string, fileBytes: number, worker: boolean = fileBytes >= WORKER_MIN_BYTES): FileHasher {
  return worker ? new WorkerHasher(path, fileBytes) : new InlineHasher();
}
