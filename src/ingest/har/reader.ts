/**
 * One streaming pass over a HAR file: reads it in large chunks (the next read runs
 * while the current chunk is split), hashes it, splits entries, parses and
 * normalizes each one and yields it. Nothing but the current entry and the
 * splitter's carried bytes is held, whatever the file or body sizes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { headerValue, type Entry } from '../../model/index.js';
import { InputError } from '../errors.js';
import type { OpenOptions } from '../types.js';
import { conformanceProblems, problemField, ProblemLog, pruneProblems, shouldValidate } from './conformance.js';
import { CutRegistry } from './cut-strings.js';
import { describeProducer, type ProducerHints } from './producer.js';
import { readPages } from './pages.js';
import { normalizeEntry } from './normalize-entry.js';
import type { NormalizeContext } from './normalize-context.js';
import { rescanBody } from './rescan.js';
import { HarSplitter, type SplitEvent } from './splitter.js';
import type { HarTuning } from './tuning.js';
import type { TraceInfo } from '../../model/index.js';

const PROGRESS_BYTES = 64 << 20;
const PROGRESS_MS = 250;
/** Entries looked at for the browser's user agent (DevTools exports do not name the browser). */
const HINT_ENTRIES = 50;

export class HarPass {
  private fh: FileHandle | undefined;
  private readonly buffers: [Buffer, Buffer];
  private which = 0;
  private nextOffset = 0;
  private pendingRead: Promise<number> | undefined;
  private readonly hash = createHash('sha256');
  private readonly splitter: HarSplitter;
  private readonly problems = new ProblemLog();
  private readonly hints: ProducerHints = {};
  private readonly harDir: string;
  private readonly registry: CutRegistry;
  private buffered: SplitEvent | null = null;
  private lastStartedAt = 0;
  private lastProgressBytes = 0;
  private lastProgressTime = 0;

  constructor(
    private readonly path: string,
    private readonly options: OpenOptions,
    private readonly tuning: HarTuning,
    private readonly info: TraceInfo,
  ) {
    this.buffers = [Buffer.allocUnsafe(tuning.chunkBytes), Buffer.allocUnsafe(tuning.chunkBytes)];
    this.registry = new CutRegistry(randomBytes(6).toString('hex'));
    this.splitter = new HarSplitter(path, tuning, this.registry);
    this.harDir = resolve(dirname(path));
  }

  /** Opens the file and reads up to the first entry, so that bad files fail at open time. */
  async prime(): Promise<void> {
    try {
      this.fh = await open(this.path, 'r');
      this.startRead();
      this.buffered = await this.nextEvent();
      this.updateProducer();
    } catch (e) {
      await this.close();
      throw e;
    }
  }

  async *entries(): AsyncGenerator<Entry> {
    try {
      if (!this.fh) await this.prime();
      for (;;) {
        const event = this.buffered ?? (await this.nextEvent());
        this.buffered = null;
        if (event === null) break;
        if (event.kind === 'entry') yield await this.toEntry(event);
      }
      this.complete();
    } finally {
      await this.close();
    }
  }

  /** The next entry, or null at the end of the file. */
  private async nextEvent(): Promise<Extract<SplitEvent, { kind: 'entry' }> | null> {
    for (;;) {
      const event = this.splitter.next();
      if (event.kind === 'entry') return event;
      if (!(await this.nextChunk())) {
        this.splitter.finish();
        return null;
      }
    }
  }

  private startRead(): void {
    const buf = this.buffers[this.which]!;
    this.pendingRead = this.fh!.read(buf, 0, buf.length, this.nextOffset).then((r) => r.bytesRead);
  }

  private async nextChunk(): Promise<boolean> {
    const n = await this.pendingRead!;
    this.pendingRead = undefined;
    if (n === 0) return false;
    const chunk = this.buffers[this.which]!.subarray(0, n);
    const offset = this.nextOffset;
    this.nextOffset += n;
    this.which ^= 1;
    // The other buffer is free: the splitter copies whatever it keeps of a chunk it has finished.
    this.startRead();
    this.hash.update(chunk);
    this.splitter.feed(chunk, offset);
    this.reportProgress(false);
    return true;
  }

  private async toEntry(event: Extract<SplitEvent, { kind: 'entry' }>): Promise<Entry> {
    const raw = this.parse(event);
    const ref = { input: this.options.input, index: event.index };
    const ctx: NormalizeContext = {
      input: this.options.input,
      path: this.path,
      harDir: this.harDir,
      largeBodyBytes: this.tuning.largeStringBytes,
      registry: this.registry,
      cuts: event.value.cuts,
      problems: [],
      rescans: [],
    };
    const entry = normalizeEntry(raw, event.index, this.lastStartedAt, ctx);
    this.lastStartedAt = entry.startedAt;
    const problems = pruneProblems(ctx.problems);
    for (const p of problems) this.problems.add(p, ref, false);
    if (shouldValidate(event.index)) {
      this.problems.checked++;
      for (const p of conformanceProblems(raw, problems.map(problemField))) this.problems.add(p, ref, true);
    }
    for (const r of ctx.rescans) await rescanBody(r, this.tuning.scanner);
    if (event.index <= HINT_ENTRIES && !this.hints.userAgent) this.collectHints(entry);
    return entry;
  }

  private parse(event: Extract<SplitEvent, { kind: 'entry' }>): unknown {
    const { text, cuts, start, end } = event.value;
    try {
      return JSON.parse(text);
    } catch (e) {
      const pos = /at position (\d+)/.exec((e as Error).message)?.[1];
      const near =
        pos !== undefined && cuts.length === 0 ? `, near byte ${start + Buffer.byteLength(text.slice(0, Number(pos)))}` : '';
      throw new InputError(
        'bad-json',
        `${this.path}: broken JSON in entry ${event.index} (bytes ${start}-${end}${near})`,
      );
    }
  }

  private collectHints(entry: Entry): void {
    const ua = headerValue(entry.request.headers, 'user-agent');
    if (!ua) return;
    this.hints.userAgent = ua;
    const ch = headerValue(entry.request.headers, 'sec-ch-ua');
    if (ch) this.hints.secChUa = ch;
    this.updateProducer();
  }

  private updateProducer(): void {
    const producer = describeProducer(this.splitter.members.creator, this.splitter.members.browser, this.hints);
    if (producer) this.info.producer = producer;
  }

  private complete(): void {
    this.info.entries = this.splitter.entries;
    this.info.sha256 = this.hash.digest('hex');
    this.info.sizeBytes = this.nextOffset;
    this.updateProducer();
    const pages = readPages(this.splitter.members.pages);
    if (pages) this.info.pages = pages;
    const warn = this.options.onWarning;
    if (warn) {
      for (const w of this.problems.warnings(this.path)) warn(w);
      if (this.splitter.trailingDataAt >= 0) {
        const at = this.splitter.trailingDataAt;
        warn({ code: 'har-trailing-data', message: `${this.path}: ignored data after the end of the HAR at byte ${at}`, entries: [] });
      }
    }
    this.reportProgress(true);
  }

  private reportProgress(force: boolean): void {
    const cb = this.options.onProgress;
    if (!cb) return;
    const now = performance.now();
    const due = this.nextOffset - this.lastProgressBytes >= PROGRESS_BYTES || now - this.lastProgressTime >= PROGRESS_MS;
    if (!force && !due) return;
    this.lastProgressBytes = this.nextOffset;
    this.lastProgressTime = now;
    cb({ input: this.options.input, bytesRead: this.nextOffset, totalBytes: this.info.sizeBytes, entries: this.splitter.entries });
  }

  private async close(): Promise<void> {
    const fh = this.fh;
    this.fh = undefined;
    if (!fh) return;
    await this.pendingRead?.catch(() => 0);
    this.pendingRead = undefined;
    await fh.close().catch(() => undefined);
  }
}
