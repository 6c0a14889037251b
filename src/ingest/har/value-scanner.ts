/**
 * Finds the end of one JSON value in a byte stream that arrives in chunks, tracking
 * nesting depth and string/escape state, without parsing. Depending on the mode it
 * keeps nothing (skip), keeps the bytes (small log members, keys), or keeps an
 * entry's bytes with long string literals cut out (entry): medium ones are set
 * aside as raw literals, large ones stream through a scanner and are never held.
 */
import { BACKSLASH, QUOTE, isJsonSpace } from '../scan/byte-classes.js';
import type { FragmentScannerOptions } from '../scan/index.js';
import type { CutRegistry, CutString } from './cut-strings.js';
import { bytesToString } from '../text-bytes.js';
import { LargeStringSink } from './large-string.js';

export type ScanMode = 'skip' | 'small' | 'entry';

export interface StringLimits {
  /** Literals at least this long (quotes included) are cut out of entries. */
  mediumStringBytes: number;
  /** Literals whose content is longer than this are streamed and never held. */
  largeStringBytes: number;
  /** A small value growing past this is dropped (`overflow`). */
  smallValueBytes: number;
  scanner?: FragmentScannerOptions;
}

export interface CapturedValue {
  /** JSON text, cut strings replaced by placeholders ('' in skip mode). */
  text: string;
  cuts: CutString[];
  /** File offsets of the first byte and one past the last. */
  start: number;
  end: number;
  /** Found by the pretty-print fast path: if it does not check out, scan it again strictly. */
  guessed?: boolean;
}

/** Short strings dominate (header names and values): a plain loop beats a native call per string. */
const QUICK_STRING_BYTES = 32;
/** An escaped quote this close to the last one means dense quotes: scan bytes for a while. */
const DENSE_QUOTE_GAP = 64;
const DENSE_SCAN_BYTES = 512;

export class ValueScanner {
  private depth = 0;
  private started = false;
  private primitive = false;
  private inString = false;
  /** Length of the backslash run just before the next byte to examine, inside a string. */
  private backslashes = 0;
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private segStart = 0;
  /** parts[chunkPartsFrom..] and the cuts in chunkCuts still point into the current chunk. */
  private chunkPartsFrom = 0;
  private chunkCuts: CutString[] = [];
  private readonly cuts: CutString[] = [];
  private strStartInChunk = -1;
  private strStartFile = 0;
  private strPieces: Buffer[] = [];
  private strPiecesBytes = 0;
  private large: LargeStringSink | null = null;
  start = -1;
  end = -1;
  /** A small value outgrew its limit and was skipped instead. */
  overflow = false;

  constructor(
    private mode: ScanMode,
    private readonly limits: StringLimits,
    private readonly registry: CutRegistry | null,
  ) {}

  /**
   * Scans `chunk` from `pos` (the value's first byte, or 0 when resuming). Returns the
   * index just past the value, or -1 when the chunk ended first (feed the next chunk
   * from 0). The chunk may be reused by the caller after -1: what is kept is copied.
   */
  scan(chunk: Buffer, pos: number, chunkOffset: number): number {
    this.segStart = pos;
    this.chunkPartsFrom = this.parts.length;
    this.chunkCuts = [];
    let p = pos;
    const len = chunk.length;
    if (!this.started) {
      this.started = true;
      this.start = chunkOffset + pos;
      const b = chunk[pos];
      this.primitive = b !== 0x7b && b !== 0x5b && b !== QUOTE;
    }
    if (this.primitive) {
      while (p < len) {
        const b = chunk[p]!;
        if (b === 0x2c || b === 0x7d || b === 0x5d || isJsonSpace(b)) return this.complete(chunk, p, chunkOffset);
        p++;
      }
      return this.suspend(chunk);
    }
    if (this.inString) {
      p = this.stringEnd(chunk, p, chunkOffset);
      if (p < 0) return this.suspend(chunk);
      if (this.depth === 0) return this.complete(chunk, p, chunkOffset);
    }
    while (p < len) {
      const b = chunk[p]!;
      if (b === QUOTE) {
        this.inString = true;
        this.backslashes = 0;
        this.strStartInChunk = p;
        this.strStartFile = chunkOffset + p;
        p = this.stringEnd(chunk, p + 1, chunkOffset);
        if (p < 0) return this.suspend(chunk);
        if (this.depth === 0) return this.complete(chunk, p, chunkOffset);
      } else if (b === 0x7b || b === 0x5b) {
        this.depth++;
        p++;
      } else if (b === 0x7d || b === 0x5d) {
        this.depth--;
        p++;
        if (this.depth <= 0) return this.complete(chunk, p, chunkOffset);
      } else p++;
    }
    return this.suspend(chunk);
  }

  /** The captured value; call right after `scan` returned its end. */
  result(): CapturedValue {
    const text = bytesToString(this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts));
    return { text, cuts: this.cuts, start: this.start, end: this.end };
  }

  /**
   * Index after the closing quote, or -1 if the chunk ends inside the string. A byte
   * loop is cheapest where quotes are dense (short strings, JSON escaped inside a
   * body string); `indexOf` is far faster over long runs without quotes (base64,
   * HTML). The loop switches between them as it learns which case it is in.
   */
  private stringEnd(chunk: Buffer, from: number, chunkOffset: number): number {
    const len = chunk.length;
    let i = from;
    let run = this.backslashes;
    let budget = QUICK_STRING_BYTES;
    for (;;) {
      const stop = Math.min(len, i + budget);
      for (; i < stop; i++) {
        const c = chunk[i]!;
        if (c === QUOTE) {
          if ((run & 1) === 0) return this.closeString(chunk, i, chunkOffset);
          run = 0;
        } else if (c === BACKSLASH) run++;
        else run = 0;
      }
      if (i >= len) {
        this.backslashes = run;
        return -1;
      }
      const q = chunk.indexOf(QUOTE, i);
      const end = q < 0 ? len : q;
      let j = end - 1;
      while (j >= i && chunk[j] === BACKSLASH) j--;
      const k = end - 1 - j + (j < i ? run : 0);
      if (q < 0) {
        this.backslashes = k;
        return -1;
      }
      if ((k & 1) === 0) return this.closeString(chunk, q, chunkOffset);
      budget = q - i < DENSE_QUOTE_GAP ? DENSE_SCAN_BYTES : QUICK_STRING_BYTES;
      i = q + 1;
      run = 0;
    }
  }

  private closeString(chunk: Buffer, q: number, chunkOffset: number): number {
    this.inString = false;
    if (this.mode !== 'entry') return q + 1;
    const literalLength = chunkOffset + q + 1 - this.strStartFile;
    const startHere = this.strStartInChunk;
    if (this.large || literalLength - 2 > this.limits.largeStringBytes) {
      if (!this.large) this.becomeLarge();
      this.large!.push(chunk.subarray(startHere >= 0 ? startHere + 1 : 0, q));
      const scan = this.large!.end();
      this.large = null;
      this.cutLiteral(chunk, q, { kind: 'large', offset: this.strStartFile, length: literalLength, scan });
    } else if (literalLength >= this.limits.mediumStringBytes) {
      const inChunk = startHere >= 0;
      const literal = inChunk
        ? chunk.subarray(startHere, q + 1)
        : Buffer.concat([...this.strPieces, chunk.subarray(0, q + 1)]);
      const cut: CutString = { kind: 'medium', literal, offset: this.strStartFile, verified: true };
      if (inChunk) this.chunkCuts.push(cut);
      this.cutLiteral(chunk, q, cut);
    } else if (startHere < 0) {
      // A short string that crossed a chunk boundary: its first pieces rejoin the entry bytes.
      for (const piece of this.strPieces) this.pushPart(piece);
    }
    this.strPieces = [];
    this.strPiecesBytes = 0;
    this.strStartInChunk = -1;
    return q + 1;
  }

  private cutLiteral(chunk: Buffer, q: number, cut: CutString): void {
    if (this.strStartInChunk >= 0) this.pushPart(chunk.subarray(this.segStart, this.strStartInChunk));
    this.cuts.push(cut);
    this.pushPart(this.registry!.placeholder(this.cuts.length - 1));
    this.segStart = q + 1;
  }

  private becomeLarge(): void {
    const sink = new LargeStringSink(undefined, this.limits.scanner);
    this.strPieces.forEach((piece, i) => sink.push(i === 0 ? piece.subarray(1) : piece));
    this.strPieces = [];
    this.strPiecesBytes = 0;
    this.large = sink;
  }

  private suspend(chunk: Buffer): number {
    if (this.mode === 'skip') return -1;
    const len = chunk.length;
    if (this.mode === 'entry' && this.inString) {
      const from = Math.max(this.strStartInChunk, 0);
      if (this.strStartInChunk >= 0) this.pushPart(chunk.subarray(this.segStart, from));
      if (this.large) this.large.push(chunk.subarray(from, len));
      else {
        this.strPieces.push(Buffer.from(chunk.subarray(from, len)));
        this.strPiecesBytes += len - from;
        if (this.strPiecesBytes - 1 > this.limits.largeStringBytes) this.becomeLarge();
      }
      this.strStartInChunk = -1;
    } else {
      this.pushPart(chunk.subarray(this.segStart, len));
    }
    for (let i = this.chunkPartsFrom; i < this.parts.length; i++) this.parts[i] = Buffer.from(this.parts[i]!);
    for (const cut of this.chunkCuts) if (cut.kind === 'medium') cut.literal = Buffer.from(cut.literal);
    if (this.mode === 'small' && this.partsBytes > this.limits.smallValueBytes) {
      this.overflow = true;
      this.mode = 'skip';
      this.parts = [];
    }
    return -1;
  }

  private complete(chunk: Buffer, end: number, chunkOffset: number): number {
    this.end = chunkOffset + end;
    if (this.mode !== 'skip') this.pushPart(chunk.subarray(this.segStart, end));
    return end;
  }

  private pushPart(part: Buffer): void {
    if (part.length === 0) return;
    this.parts.push(part);
    this.partsBytes += part.length;
  }
}
