/**
 * One helper thread per process, shared by all HAR passes (har-validator loads and
 * compiles once). It is ref'd only while a pass awaits its result, so a reader that
 * is abandoned half-way never keeps the process alive.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { SIDE_WORKER_SOURCE } from './side-worker-source.js';

export interface ValidatorError {
  keyword: string;
  dataPath?: string;
  message?: string;
  params?: { missingProperty?: string };
}

export interface ValidatedEntry {
  index: number;
  /** Fields the normalizer already reported for this entry. */
  reported: string[];
  errors: ValidatorError[];
}

export interface SideResult {
  /** Null when the helper could not read the file. */
  sha256: string | null;
  /** Entries har-validator looked at (0 when it could not be loaded). */
  checked: number;
  entries: ValidatedEntry[];
}

export interface SidePass {
  /** Check an entry (its JSON text, placeholders for cut strings) against HAR 1.2. */
  validate(index: number, text: string, reported: string[]): void;
  finish(): Promise<SideResult>;
  abort(): void;
}

interface ResultMessage extends SideResult {
  type: 'result';
  id: number;
}

/** Sampled entries go to the helper in batches: each message costs ~0.1 ms whatever its size. */
const VALIDATE_BATCH = 32;

let worker: Worker | null | undefined;
let validatorPath: string | undefined;
let nextId = 1;
let active = 0;
const waiting = new Map<number, { resolve: (r: SideResult) => void; reject: (e: Error) => void }>();

function failAll(error: Error): void {
  for (const w of waiting.values()) w.reject(error);
  waiting.clear();
  worker = null;
}

function sharedWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    validatorPath = createRequire(import.meta.url).resolve('har-validator/lib/async.js');
    // A small young generation: the thread parses a few sampled entries at a time, and every MiB it keeps counts in peak memory.
    const w = new Worker(SIDE_WORKER_SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    w.on('message', (m: ResultMessage) => {
      const pending = waiting.get(m.id);
      waiting.delete(m.id);
      pending?.resolve({ sha256: m.sha256, checked: m.checked, entries: m.entries });
    });
    w.on('error', (e) => failAll(e));
    w.on('exit', () => failAll(new Error('helper thread exited')));
    // After the listeners: adding a 'message' listener refs the worker's port again,
    // which kept a process that failed on a bad file alive for another second or two.
    w.unref();
    // Loading and compiling har-validator's schemas takes ~0.1 s: start now, not when the
    // first batch of sampled entries arrives, or a small trace's reader waits for it.
    w.postMessage({ type: 'warm', validatorPath });
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

function hold(w: Worker): void {
  if (active++ === 0) w.ref();
}

function release(w: Worker): void {
  if (--active === 0) w.unref();
}

/** Starts hashing `path` in the helper thread; null when no helper thread is available. */
export function startSidePass(path: string): SidePass | null {
  const w = sharedWorker();
  if (!w) return null;
  const id = nextId++;
  let open = true;
  let batch: { index: number; text: string; reported: string[] }[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    w.postMessage({ type: 'entries', id, entries: batch, validatorPath });
    batch = [];
  };
  w.postMessage({ type: 'start', id, path });
  return {
    validate(index, text, reported) {
      if (!open) return;
      batch.push({ index, text, reported });
      if (batch.length >= VALIDATE_BATCH) flush();
    },
    finish() {
      if (open) flush();
      open = false;
      if (worker !== w) return Promise.reject(new Error('helper thread gone'));
      const result = new Promise<SideResult>((resolve, reject) => waiting.set(id, { resolve, reject }));
      hold(w);
      w.postMessage({ type: 'finish', id });
      return result.finally(() => release(w));
    },
    abort() {
      if (!open) return;
      open = false;
      w.postMessage({ type: 'abort', id });
    },
  };
}
