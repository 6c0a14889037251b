/**
 * Finds the few pieces of a large body that matter for token analysis (JWT-looking
 * strings, AADSTS/IDX codes, login-page error codes, OAuth error keys with context)
 * while the body streams past in chunks of any size. Only those fragments are kept;
 * memory stays bounded by a small carried tail plus the current window.
 */
import { BASE64URL, DOT } from './byte-classes.js';
import { CONTEXT_MARKERS, ESCAPED_CONTEXT_MARKERS, JWT_NEEDLE, MARKER_REACH, matchJwt, type ContextMarker } from './markers.js';
import { unescapeJsonText } from './unescape.js';

export interface FragmentScannerOptions {
  /** Bytes of context kept on each side of a code or error key. */
  contextBytes?: number;
  /** Longest JWT kept whole; longer runs are ignored. */
  maxTokenBytes?: number;
  maxTokens?: number;
  /** Cap per context group (codes, error keys). */
  maxContexts?: number;
  /** Small pushes are gathered until this many bytes are pending (fewer, larger scans). */
  minWindowBytes?: number;
  /**
   * The bytes are a JSON string literal's content, still escaped (`\"`, `\n`,
   * `\u00e9`): escaped keys are recognised too, and contexts are unescaped.
   */
  jsonEscaped?: boolean;
}

export interface FragmentScanner {
  /** Scan more bytes. The scanner copies what it keeps; the caller may reuse `chunk`. */
  push(chunk: Buffer): void;
  /** Scan what is left and return the fragments found, in order of discovery, without duplicates. */
  end(): string[];
}

const MAX_MERGED_CONTEXT = 4096;

export function createFragmentScanner(options: FragmentScannerOptions = {}): FragmentScanner {
  return new StreamingFragmentScanner(options);
}

/** The fragments of a body that is in memory as a whole: one pass, no copy. */
export function scanFragments(bytes: Buffer, options: FragmentScannerOptions = {}): string[] {
  return new StreamingFragmentScanner(options).scanWhole(bytes);
}

class StreamingFragmentScanner implements FragmentScanner {
  private readonly contextBytes: number;
  private readonly maxTokenBytes: number;
  private readonly maxTokens: number;
  private readonly maxContexts: number;
  private readonly minWindow: number;
  private readonly markers: readonly ContextMarker[];
  private readonly jsonEscaped: boolean;

  private tail: Buffer = Buffer.alloc(0);
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Per context marker: first window position not yet searched. */
  private readonly resume: number[];
  private jwtResume = 0;
  private readonly groupCounts = { code: 0, 'error-key': 0 };
  /** Kept apart and in stream order, so the result does not depend on how bytes were chunked. */
  private readonly tokens = new Set<string>();
  private readonly contexts = new Set<string>();
  /** A context range still open to merging with the next hit, as window positions (-1: none). */
  private openStart = -1;
  private openEnd = -1;
  private ended = false;

  constructor(options: FragmentScannerOptions) {
    this.contextBytes = options.contextBytes ?? 300;
    this.maxTokenBytes = options.maxTokenBytes ?? 64 * 1024;
    this.maxTokens = options.maxTokens ?? 200;
    this.maxContexts = options.maxContexts ?? 200;
    this.minWindow = options.minWindowBytes ?? 256 * 1024;
    this.jsonEscaped = options.jsonEscaped ?? false;
    this.markers = this.jsonEscaped ? ESCAPED_CONTEXT_MARKERS : CONTEXT_MARKERS;
    this.resume = this.markers.map(() => 0);
  }

  push(chunk: Buffer): void {
    if (this.ended) throw new Error('fragment scanner: push after end');
    if (chunk.length === 0) return;
    if (this.pendingBytes + chunk.length < this.minWindow) {
      this.pending.push(Buffer.from(chunk));
      this.pendingBytes += chunk.length;
      return;
    }
    this.scanWindow(this.takeWindow(chunk), false);
  }

  /** `push(bytes)` then `end()` of a fresh scanner, without gathering or copying the bytes. */
  scanWhole(bytes: Buffer): string[] {
    if (this.ended || this.pendingBytes > 0) throw new Error('fragment scanner: scanWhole on a used scanner');
    this.ended = true;
    this.scanWindow(bytes, true);
    this.tail = Buffer.alloc(0);
    return [...this.tokens, ...this.contexts];
  }

  end(): string[] {
    if (!this.ended) {
      this.ended = true;
      this.scanWindow(this.takeWindow(undefined), true);
      this.tail = Buffer.alloc(0);
    }
    return [...this.tokens, ...this.contexts];
  }

  private takeWindow(chunk: Buffer | undefined): Buffer {
    const parts = [this.tail, ...this.pending];
    if (chunk) parts.push(chunk);
    this.pending = [];
    this.pendingBytes = 0;
    const nonEmpty = parts.filter((p) => p.length > 0);
    if (nonEmpty.length === 1) return nonEmpty[0]!;
    return joinInScratch(nonEmpty);
  }

  private scanWindow(win: Buffer, final: boolean): void {
    this.scanJwts(win, final);
    this.scanContexts(win, final);
    // Keep what the next window needs: deferred token starts and context look-behind.
    let keepFrom = this.jwtResume - 2;
    for (const r of this.resume) keepFrom = Math.min(keepFrom, r - this.contextBytes - MARKER_REACH);
    if (this.openStart >= 0) keepFrom = Math.min(keepFrom, this.openStart);
    keepFrom = Math.max(0, Math.min(keepFrom, win.length));
    this.tail = final ? Buffer.alloc(0) : Buffer.from(win.subarray(keepFrom));
    this.jwtResume -= keepFrom;
    for (let k = 0; k < this.resume.length; k++) this.resume[k]! -= keepFrom;
    if (this.openStart >= 0) {
      this.openStart -= keepFrom;
      this.openEnd -= keepFrom;
    }
  }

  private scanJwts(win: Buffer, final: boolean): void {
    let p = this.jwtResume;
    while (this.tokens.size < this.maxTokens) {
      const at = win.indexOf(JWT_NEEDLE, p);
      if (at < 0) {
        p = win.length;
        break;
      }
      const outcome = matchJwt(win, at, final, this.maxTokenBytes);
      if (outcome === 'defer') {
        p = at;
        break;
      }
      if ('skipTo' in outcome) {
        p = outcome.skipTo;
        continue;
      }
      this.tokens.add(win.toString('latin1', outcome.start, outcome.end));
      p = outcome.end;
    }
    if (this.tokens.size >= this.maxTokens) p = win.length;
    this.jwtResume = p;
  }

  private scanContexts(win: Buffer, final: boolean): void {
    const limit = final ? win.length : win.length - this.contextBytes - MARKER_REACH;
    const next = this.markers.map((m, k) => this.find(win, m, this.resume[k]!));
    for (;;) {
      let k = -1;
      for (let j = 0; j < next.length; j++) if (k < 0 || next[j]! < next[k]!) k = j;
      const at = next[k]!;
      if (at >= limit || at === Infinity) break;
      const marker = this.markers[k]!;
      const hit = this.groupCounts[marker.group] < this.maxContexts ? marker.match(win, at) : null;
      if (hit) {
        const [s, e] = this.contextRange(win, hit.start, hit.end);
        if (this.openStart >= 0 && s <= this.openEnd && e - this.openStart <= MAX_MERGED_CONTEXT) {
          this.openEnd = Math.max(this.openEnd, e);
        } else {
          this.flushOpen(win);
          this.openStart = s;
          this.openEnd = e;
          this.groupCounts[marker.group]++;
        }
      }
      next[k] = this.find(win, marker, at + 1);
    }
    // A later hit may still merge with the open range unless it is out of reach already.
    if (final || (this.openStart >= 0 && limit - this.contextBytes - MARKER_REACH > this.openEnd)) this.flushOpen(win);
    for (let k = 0; k < next.length; k++) {
      const needleLen = this.markers[k]!.needle.length;
      this.resume[k] = next[k] === Infinity ? Math.max(this.resume[k]!, win.length - needleLen + 1) : next[k]!;
    }
  }

  private find(win: Buffer, marker: ContextMarker, from: number): number {
    if (this.groupCounts[marker.group] >= this.maxContexts) return Infinity;
    const at = win.indexOf(marker.needle, Math.max(0, from));
    return at < 0 ? Infinity : at;
  }

  /**
   * Context around a hit, cut so that it neither starts nor ends inside a token-like
   * run (a truncated JWT would look like a forged one) or inside a UTF-8 sequence.
   */
  private contextRange(win: Buffer, hitStart: number, hitEnd: number): [number, number] {
    let s = Math.max(0, hitStart - this.contextBytes);
    let e = Math.min(win.length, hitEnd + this.contextBytes);
    if (s > 0 && isTokenByte(win[s - 1])) while (s < hitStart && isTokenByte(win[s])) s++;
    if (e < win.length && isTokenByte(win[e])) while (e > hitEnd && isTokenByte(win[e - 1])) e--;
    while (s < hitStart && (win[s]! & 0xc0) === 0x80) s++;
    while (e > hitEnd && e < win.length && (win[e]! & 0xc0) === 0x80) e--;
    return [s, e];
  }

  private flushOpen(win: Buffer): void {
    if (this.openStart < 0) return;
    const raw = win.subarray(this.openStart, this.openEnd);
    this.contexts.add(this.jsonEscaped ? unescapeJsonText(raw) : raw.toString('utf8'));
    this.openStart = -1;
    this.openEnd = -1;
  }
}

/**
 * Windows that join the carried tail to new bytes are built in one shared buffer:
 * a fresh multi-megabyte buffer per pushed chunk was garbage that piled up outside
 * the JS heap until the next full collection. Sharing is safe because a window is
 * scanned synchronously and only copies of it are kept.
 */
let scratch: Buffer = Buffer.alloc(0);
const MAX_SCRATCH_BYTES = 16 << 20;

function joinInScratch(parts: Buffer[]): Buffer {
  let total = 0;
  for (const p of parts) total += p.length;
  if (total > MAX_SCRATCH_BYTES) return Buffer.concat(parts, total);
  if (scratch.length < total) scratch = Buffer.allocUnsafe(Math.min(MAX_SCRATCH_BYTES, Math.max(total, scratch.length * 2)));
  let at = 0;
  for (const p of parts) at += p.copy(scratch, at);
  return scratch.subarray(0, total);
}

function isTokenByte(b: number | undefined): boolean {
  return b !== undefined && (BASE64URL[b] === 1 || b === DOT);
}
