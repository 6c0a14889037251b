/**
 * A second thread that reads and inflates a large SAZ's deflated members while the
 * main thread parses the sessions before them. Inflating members was an eighth of
 * the main thread's time on a SAZ; the thread takes it off the main thread without
 * copying anything back (the output buffer is transferred) and without moving any
 * parsing there, so entries are built exactly as before.
 *
 * Members asked for before the current run of microtasks ends (the read-ahead
 * window asks for a few dozen sessions at once) travel as one message: a message
 * costs about as much as inflating a small member. A member the thread could not
 * inflate comes back undefined and the caller reads it on the main thread, which
 * reports why.
 */
import { Worker } from 'node:worker_threads';
import type { ZipMember } from './central-directory.js';
import { INFLATE_THREAD_SOURCE } from './inflate-thread-source.js';

/** Below this size a SAZ is read on the main thread alone: starting the thread (~30 ms of CPU) would cost about what it saves. */
export const INFLATE_THREAD_MIN_FILE_BYTES = 32 << 20;
/** Larger members go the usual way (the thread pool, or cut at the member cap). */
const MAX_THREAD_MEMBER_BYTES = 16 << 20;
const FIELDS = 3;

interface Job {
  member: ZipMember;
  resolve: (bytes: Buffer | undefined) => void;
}

interface BatchResult {
  ready?: true;
  id: number;
  buffer: ArrayBuffer;
  slots: Float64Array;
  ok: Uint8Array;
}

export class InflateThread {
  private queued: Job[] = [];
  private scheduled = false;
  private nextId = 1;
  private readonly inFlight = new Map<number, Job[]>();
  private stopped = false;
  /** The thread has started (~40 ms after it is created): until then members are read on the main thread. */
  private ready = false;
  private markStarted: (started: boolean) => void = () => undefined;
  /** Resolves true once the thread has started, false if it stopped first. */
  readonly started = new Promise<boolean>((resolve) => (this.markStarted = resolve));

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: BatchResult) => this.receive(m));
    worker.on('error', () => this.stop());
    worker.on('exit', () => this.stop());
    // After the listeners (a 'message' listener refs the port again): it is ref'd only while a batch is out.
    worker.unref();
  }

  /** Null when no thread can be started; the caller then inflates on the main thread. */
  static start(path: string, fileBytes: number): InflateThread | null {
    try {
      return new InflateThread(new Worker(INFLATE_THREAD_SOURCE, { eval: true, workerData: { path, size: fileBytes } }));
    } catch {
      return null;
    }
  }

  /** Whether `inflate` may be asked for this member. */
  accepts(member: ZipMember, cap: number): boolean {
    return this.ready && !this.stopped && member.method === 8 && !member.encrypted && member.uncompressedSize <= Math.min(cap, MAX_THREAD_MEMBER_BYTES);
  }

  /** The member's bytes, or undefined when the main thread must read it itself. */
  inflate(member: ZipMember): Promise<Buffer | undefined> {
    if (this.stopped) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.queued.push({ member, resolve });
      if (!this.scheduled) {
        this.scheduled = true;
        // A microtask, not setImmediate: the entry loop runs on resolved promises without
        // yielding to the event loop while sessions are ready, so an immediate would only
        // fire once it had run dry — and then wait a whole round trip. The read-ahead
        // window's sessions ask for their members within the same microtask run.
        queueMicrotask(() => this.flush());
      }
    });
  }

  /** Stops the thread; members still out come back undefined. */
  close(): void {
    this.stop();
    void this.worker.terminate();
  }

  private flush(): void {
    this.scheduled = false;
    const jobs = this.queued;
    this.queued = [];
    if (jobs.length === 0) return;
    if (this.stopped) return jobs.forEach((j) => j.resolve(undefined));
    const table = new Float64Array(jobs.length * FIELDS);
    jobs.forEach(({ member }, i) => {
      table[i * FIELDS] = member.localHeaderOffset;
      table[i * FIELDS + 1] = member.compressedSize;
      table[i * FIELDS + 2] = member.uncompressedSize;
    });
    const id = this.nextId++;
    if (this.inFlight.size === 0) this.worker.ref();
    this.inFlight.set(id, jobs);
    this.worker.postMessage({ type: 'batch', id, jobs: table }, [table.buffer]);
  }

  private receive(m: BatchResult): void {
    if (m.ready) {
      this.ready = true;
      this.markStarted(true);
      return;
    }
    const jobs = this.inFlight.get(m.id);
    if (!jobs) return;
    this.inFlight.delete(m.id);
    if (this.inFlight.size === 0) this.worker.unref();
    jobs.forEach((job, i) => job.resolve(m.ok[i] === 1 ? Buffer.from(m.buffer, m.slots[i]!, job.member.uncompressedSize) : undefined));
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.markStarted(false);
    for (const jobs of this.inFlight.values()) jobs.forEach((j) => j.resolve(undefined));
    this.inFlight.clear();
    this.queued.forEach((j) => j.resolve(undefined));
    this.queued = [];
    this.worker.unref();
  }
}
