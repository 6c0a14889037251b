/**
 * sha256 of a file fed block by block, in file order. For large files the
 * hashing runs on a worker thread, so it overlaps with parsing instead of
 * taking main-thread time; small files are hashed inline.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface FileHasher {
  update(block: Buffer): void;
  /** Hex digest of everything passed to update. */
  digest(): Promise<string>;
  /** Stops a worker early (stream abandoned). */
  dispose(): void;
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const hash = require('node:crypto').createHash('sha256');
parentPort.on('message', (block) => {
  if (block === null) parentPort.postMessage(hash.digest('hex'));
  else hash.update(block);
});
`;

/** Below this the worker's start-up costs more than it saves. */
const WORKER_MIN_BYTES = 32 << 20;

function inlineHasher(): FileHasher {
  const hash = createHash('sha256');
  return {
    update: (block) => void hash.update(block),
    digest: async () => hash.digest('hex'),
    dispose: () => undefined,
  };
}

function workerHasher(): FileHasher {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  // An abandoned stream must not keep the process alive.
  worker.unref();
  let failure: Error | undefined;
  worker.on('error', (e) => {
    failure = e;
  });
  return {
    update(block) {
      if (!failure) worker.postMessage(block);
    },
    digest() {
      return new Promise<string>((resolve, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        worker.once('message', (hex: string) => {
          void worker.terminate();
          resolve(hex);
        });
        worker.once('error', reject);
        worker.postMessage(null);
      });
    },
    dispose() {
      void worker.terminate();
    },
  };
}

export function createFileHasher(fileBytes: number): FileHasher {
  return fileBytes >= WORKER_MIN_BYTES ? workerHasher() : inlineHasher();
}

