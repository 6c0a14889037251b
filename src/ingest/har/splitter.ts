/**
 * Walks the outer structure of a HAR file byte by byte — the top-level object, the
 * `log` object and its `entries` array — and hands out each entry's bytes as soon
 * as they are complete. Entries of pretty-printed files go through the line-based
 * fast path when they fit in the current chunk, otherwise through the strict
 * byte-level scanner. Small `log` members (version, creator, browser, pages,
 * comment) are parsed whenever they come, before or after the entries; anything
 * else is skipped without being kept.
 */
import { isJsonSpace } from '../scan/byte-classes.js';
import { InputError } from '../errors.js';
import type { CutRegistry } from './cut-strings.js';
import { closingLine, sameIndent, scanPrettyEntry } from './pretty-entry.js';
import { BOM, describePosition, isValueStart, LOG_MEMBERS, type Frame, type LogMembers } from './splitter-frames.js';
import { ValueScanner, type CapturedValue, type StringLimits } from './value-scanner.js';

export type SplitEvent = { kind: 'entry'; index: number; value: CapturedValue } | { kind: 'need-data' };

type Pending = { scanner: ValueScanner; purpose: 'key' | 'member' | 'skip' | 'entry'; key: string };

export class HarSplitter {
  readonly members: LogMembers = {};
  entries = 0;
  /** File offset of non-whitespace bytes after the top-level object, if any. */
  trailingDataAt = -1;
  private chunk: Buffer = Buffer.alloc(0);
  private offset = 0;
  private pos = 0;
  private state: 'start' | 'top' | 'frames' | 'after' = 'start';
  private bomMatched = 0;
  private readonly frames: Frame[] = [];
  private pending: Pending | null = null;
  /** An entry found by the pretty-print fast path, to hand out. */
  private ready: SplitEvent | null = null;
  /** Closing line of entries in a pretty-printed file; null: not pretty (or a guess failed). */
  private prettyClose: Buffer | null | undefined;
  private seenLog = false;
  private seenEntries = false;

  constructor(
    private readonly path: string,
    private readonly limits: StringLimits,
    private readonly registry: CutRegistry,
  ) {}

  /** The next chunk of the file, starting at file offset `offset`; only after 'need-data'. */
  feed(chunk: Buffer, offset: number): void {
    this.chunk = chunk;
    this.offset = offset;
    this.pos = 0;
  }

  next(): SplitEvent {
    for (;;) {
      if (this.pending) {
        const p = this.pending;
        const end = p.scanner.scan(this.chunk, this.pos, this.offset);
        if (end < 0) {
          this.pos = this.chunk.length;
          return { kind: 'need-data' };
        }
        this.pos = end;
        this.pending = null;
        const event = this.completed(p);
        if (event) return event;
        continue;
      }
      if (this.pos >= this.chunk.length) return { kind: 'need-data' };
      this.step(this.chunk[this.pos]!);
      if (this.ready) {
        const event = this.ready;
        this.ready = null;
        return event;
      }
    }
  }

  /**
   * The fast path's guess for this entry did not check out: scan it again strictly
   * (and the rest of the file too). Call before `next()`, with the event's value.
   */
  retryStrict(value: CapturedValue): void {
    if (value.start < this.offset) throw new Error('retryStrict: the entry is no longer in the current chunk');
    this.pos = value.start - this.offset;
    this.entries--;
    this.prettyClose = null;
    this.ready = null;
    this.startValue('entry', 'entry', '');
  }

  /** End of file: anything but a complete top-level object is a truncated file. */
  finish(): void {
    if (this.state === 'after') return;
    const at = this.offset + this.chunk.length;
    if (this.state !== 'frames') throw this.error('truncated', `truncated: file ends at byte ${at} before any JSON`);
    throw this.error('truncated', `truncated: file ends at byte ${at} ${this.where()}`);
  }

  private step(b: number): void {
    const at = this.offset + this.pos;
    if (this.state === 'start' || this.state === 'top') {
      if (this.state === 'start' && at === this.bomMatched && b === BOM[this.bomMatched]) {
        this.bomMatched++;
        this.pos++;
        if (this.bomMatched === 3) this.state = 'top';
        return;
      }
      if (this.bomMatched > 0 && this.bomMatched < 3) throw this.notJson(at);
      this.state = 'top';
      if (isJsonSpace(b)) return void this.pos++;
      if (b !== 0x7b) throw this.notJson(at);
      this.frames.push({ kind: 'top', expect: 'key-or-end', key: '' });
      this.state = 'frames';
      return void this.pos++;
    }
    if (this.state === 'after') {
      if (!isJsonSpace(b) && this.trailingDataAt < 0) this.trailingDataAt = at;
      this.pos = isJsonSpace(b) ? this.pos + 1 : this.chunk.length;
      return;
    }
    if (isJsonSpace(b)) return void this.pos++;
    const frame = this.frames[this.frames.length - 1]!;
    if (frame.kind === 'entries') this.arrayStep(frame, b);
    else this.objectStep(frame, b);
  }

  private objectStep(frame: Extract<Frame, { kind: 'top' | 'log' }>, b: number): void {
    switch (frame.expect) {
      case 'key-or-end':
      case 'key':
        if (b === 0x7d && frame.expect === 'key-or-end') return this.closeFrame();
        if (b !== 0x22) throw this.unexpected('a member name');
        return this.startValue('key', 'small', '');
      case 'colon':
        if (b !== 0x3a) throw this.unexpected("':'");
        frame.expect = 'value';
        return void this.pos++;
      case 'value':
        return this.memberValue(frame, b);
      case 'comma-or-end':
        if (b === 0x2c) {
          frame.expect = 'key';
          return void this.pos++;
        }
        if (b === 0x7d) return this.closeFrame();
        throw this.unexpected("',' or '}'");
    }
  }

  private memberValue(frame: Extract<Frame, { kind: 'top' | 'log' }>, b: number): void {
    frame.expect = 'comma-or-end';
    if (frame.kind === 'top' && frame.key === 'log' && !this.seenLog) {
      if (b !== 0x7b) throw this.error('no-log', 'log is not an object');
      this.seenLog = true;
      this.frames.push({ kind: 'log', expect: 'key-or-end', key: '' });
      return void this.pos++;
    }
    if (frame.kind === 'log' && frame.key === 'entries') {
      if (b !== 0x5b) throw this.error('no-entries', 'log.entries is not an array');
      this.seenEntries = true;
      this.frames.push({ kind: 'entries', expect: 'value-or-end' });
      return void this.pos++;
    }
    this.requireValueStart(b);
    const wanted = frame.kind === 'log' && (LOG_MEMBERS as readonly string[]).includes(frame.key);
    this.startValue(wanted ? 'member' : 'skip', wanted ? 'small' : 'skip', frame.key);
  }

  private arrayStep(frame: Extract<Frame, { kind: 'entries' }>, b: number): void {
    if (frame.expect === 'comma-or-end') {
      if (b === 0x2c) {
        frame.expect = 'value';
        return void this.pos++;
      }
      if (b === 0x5d) return this.closeFrame();
      throw this.unexpected("',' or ']' after an entry");
    }
    if (b === 0x5d && frame.expect === 'value-or-end') return this.closeFrame();
    this.requireValueStart(b);
    frame.expect = 'comma-or-end';
    if (b === 0x7b && this.tryPretty()) return;
    this.startValue('entry', 'entry', '');
  }

  private tryPretty(): boolean {
    if (this.prettyClose === undefined) this.prettyClose = closingLine(this.chunk, this.pos);
    const close = this.prettyClose;
    if (!close || !sameIndent(this.chunk, this.pos, close)) return false;
    const hit = scanPrettyEntry(this.chunk, this.pos, this.offset, close, this.limits, this.registry);
    if (!hit) return false;
    this.pos = hit.end;
    this.entries++;
    this.ready = { kind: 'entry', index: this.entries, value: hit.value };
    return true;
  }

  private startValue(purpose: Pending['purpose'], mode: 'skip' | 'small' | 'entry', key: string): void {
    this.pending = { scanner: new ValueScanner(mode, this.limits, this.registry), purpose, key };
  }

  private completed(p: Pending): SplitEvent | null {
    const frame = this.frames[this.frames.length - 1]!;
    if (p.purpose === 'entry') {
      this.entries++;
      return { kind: 'entry', index: this.entries, value: p.scanner.result() };
    }
    if (p.purpose === 'key' && frame.kind !== 'entries') {
      frame.key = this.parseSmall(p.scanner, 'a member name') as string;
      frame.expect = 'colon';
    } else if (p.purpose === 'member' && !p.scanner.overflow) {
      this.members[p.key as keyof LogMembers] = this.parseSmall(p.scanner, `log.${p.key}`);
    }
    return null;
  }

  private parseSmall(scanner: ValueScanner, what: string): unknown {
    try {
      return JSON.parse(scanner.result().text);
    } catch {
      throw this.error('bad-json', `invalid JSON in ${what} at byte ${scanner.start}`);
    }
  }

  private closeFrame(): void {
    const frame = this.frames.pop()!;
    this.pos++;
    if (frame.kind === 'log' && !this.seenEntries) throw this.error('no-entries', 'log.entries missing');
    if (frame.kind === 'top') {
      if (!this.seenLog) throw this.error('no-log', 'no log object at top level');
      this.state = 'after';
    }
  }

  private requireValueStart(b: number): void {
    if (!isValueStart(b)) throw this.unexpected('a value');
  }

  private where(): string {
    return describePosition(this.frames, this.pending?.purpose === 'entry', this.entries);
  }

  private unexpected(expected: string): InputError {
    return this.error('bad-json', `invalid JSON at byte ${this.offset + this.pos}: expected ${expected} ${this.where()}`);
  }

  private notJson(at: number): InputError {
    return this.error('not-json', `not a HAR file: no JSON object at byte ${at}`);
  }

  private error(code: string, message: string): InputError {
    return new InputError(code, `${this.path}: ${message}`);
  }
}
