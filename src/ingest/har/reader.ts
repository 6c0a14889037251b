/**
 * One streaming pass over a HAR file: reads it in large chunks (the next read runs
 * while the current chunk is split), hashes it, splits entries, parses and
 * normalizes each one and yields it. Nothing but the current entry and the
 * splitter's carried bytes is held, whatever the file or body sizes.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { headerValue, type Entry, type TraceInfo } from '../../model/index.js';
import { HeaderInterner } from '../intern.js';
import type { OpenOptions } from '../types.js';
import { describeErrors, problemField, ProblemLog, pruneProblems, shouldValidate, validateInline } from './conformance.js';
import { CutRegistry } from './cut-strings.js';
import { buildEntry, GuessFailed, type BuiltEntry } from './entry-builder.js';
import { hashFile } from './hash-file.js';
import type { NormalizeContext } from './normalize-context.js';
import { readPages } from './pages.js';
import { describeProducer, type ProducerHints } from './producer.js';
import { rescanBody } from './rescan.js';
import { startSidePass, type SidePass, type SideResult } from './side-worker.js';
import { HarSplitter, type SplitEvent } from './splitter.js';
import type { HarTuning } from './tuning.js';

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
  /** Hashing and HAR 1.2 checks run in the helper thread; inline only when it is unavailable. */
  private side: SidePass | null = null;
  private inlineHash: Hash | null = null;
  private readonly splitter: HarSplitter;
  private readonly problems = new ProblemLog();
  private readonly hints: ProducerHints = {};
  private readonly harDir: string;
  private readonly registry: CutRegistry;
  private readonly interner = new HeaderInterner();
  private buffered: Extract<SplitEvent, { kind: 'entry' }> | null = null;
  /** The splitter reached the end of the file. */
  private ended = false;
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
      this.side = startSidePass(this.path);
      if (!this.side) this.inlineHash = createHash('sha256');
      this.startRead();
      this.buffered = await this.nextEvent();
      this.updateProducer();
    } catch (e) {
      this.side?.abort();
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
        yield await this.toEntry(event);
      }
      await this.complete();
    } finally {
      this.side?.abort();
      await this.close();
    }
  }

  /** The next entry, or null at the end of the file. */
  private async nextEvent(): Promise<Extract<SplitEvent, { kind: 'entry' }> | null> {
    while (!this.ended) {
      const event = this.splitter.next();
      if (event.kind === 'entry') return event;
      if (!(await this.nextChunk())) {
        this.ended = true;
        this.splitter.finish();
      }
    }
    return null;
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
    this.inlineHash?.update(chunk);
    this.splitter.feed(chunk, offset);
    this.reportProgress(false);
    return true;
  }

  private async toEntry(event: Extract<SplitEvent, { kind: 'entry' }>): Promise<Entry> {
    const ctx: NormalizeContext = {
      input: this.options.input,
      path: this.path,
      harDir: this.harDir,
      largeBodyBytes: this.tuning.largeStringBytes,
      ...(this.tuning.scanner ? { scanner: this.tuning.scanner } : {}),
      registry: this.registry,
      interner: this.interner,
      cuts: event.value.cuts,
      problems: [],
      rescans: [],
    };
    let built: BuiltEntry;
    try {
      built = buildEntry(this.path, event.index, event.value, this.lastStartedAt, ctx);
    } catch (e) {
      if (!(e instanceof GuessFailed)) throw e;
      this.splitter.retryStrict(event.value);
      const strict = await this.nextEvent();
      if (!strict) throw new Error('strict rescan of an entry found no entry');
      return this.toEntry(strict);
    }
    const { entry, raw } = built;
    this.lastStartedAt = entry.startedAt;
    const problems = pruneProblems(ctx.problems);
    const ref = { input: this.options.input, index: event.index };
    for (const p of problems) this.problems.add(p, ref, false);
    if (shouldValidate(event.index)) this.validate(event, raw, problems.map(problemField));
    for (const r of ctx.rescans) await rescanBody(r, this.tuning.scanner);
    if (event.index <= HINT_ENTRIES && !this.hints.userAgent) this.collectHints(entry);
    return entry;
  }

  private validate(event: Extract<SplitEvent, { kind: 'entry' }>, raw: unknown, reported: string[]): void {
    if (this.side) return this.side.validate(event.index, event.value.text, reported);
    const errors = validateInline(raw);
    if (!errors) return;
    this.problems.checked++;
    const ref = { input: this.options.input, index: event.index };
    for (const p of describeErrors(errors, reported)) this.problems.add(p, ref, true);
  }

  /** Hash and sampled HAR 1.2 problems from the helper thread (or a fallback hash if it failed). */
  private async sideResults(): Promise<string> {
    let result: SideResult | null = null;
    try {
      result = this.side ? await this.side.finish() : null;
    } catch {
      result = null;
    }
    if (result) {
      this.problems.checked += result.checked;
      for (const v of result.entries) {
        const ref = { input: this.options.input, index: v.index };
        for (const p of describeErrors(v.errors, v.reported)) this.problems.add(p, ref, true);
      }
    }
    if (result?.sha256) return result.sha256;
    return this.inlineHash ? this.inlineHash.digest('hex') : hashFile(this.path);
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

  private async complete(): Promise<void> {
    this.info.entries = this.splitter.entries;
    this.info.sha256 = await this.sideResults();
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
