/**
 * Streams the content of a JSON string literal that is too large to keep
 * (a big `content.text` or `postData.text`). From the first bytes it decides
 * whether the content looks like base64: if so it is unescaped, decoded and
 * scanned; if not, the scanner reads the still-escaped bytes directly (tokens and
 * codes are never escaped; escaped keys are recognised) and the decoded size is
 * counted without decoding. Only the fragments, the decoded size and a binary
 * flag remain.
 */
import { BACKSLASH, BASE64_STD, QUOTE, isJsonSpace } from '../scan/byte-classes.js';
import { Base64StreamDecoder, base64DecodedLength, createFragmentScanner, startsWithBinaryMagic } from '../scan/index.js';
import type { FragmentScanner, FragmentScannerOptions } from '../scan/index.js';
import { JsonStringDecoder } from './json-string-decoder.js';
import { JsonStringLength } from './json-string-length.js';

export type LargeStringMode = 'text' | 'base64';

export interface LargeStringScan {
  /** How the content was scanned: as text, or base64-decoded first. */
  mode: LargeStringMode;
  fragments: string[];
  /** Bytes after unescaping (text) or after base64 decoding (base64). */
  decodedSize: number;
  /** Decoded bytes start like compressed media, or hold NUL bytes. */
  binary: boolean;
  /** With `checkQuotes`: an unescaped quote was found, so this was not one literal. */
  invalid?: boolean;
}

/** Enough of the content to tell base64 from text without holding much. */
const PROBE_BYTES = 4096;
const MAGIC_BYTES = 8;

export class LargeStringSink {
  private readonly unescape = new JsonStringDecoder();
  private readonly textLength = new JsonStringLength();
  private scanner: FragmentScanner | undefined;
  private mode: LargeStringMode | undefined;
  private probe: Buffer[] = [];
  private probeBytes = 0;
  private base64: Base64StreamDecoder | undefined;
  private base64Chars = 0;
  private lastTwo = [0, 0];
  private head: Buffer[] = [];
  private headBytes = 0;
  private skipDecoding = false;
  private binary = false;
  private invalid = false;
  /** Backslashes at the end of the previous push (for the quote check). */
  private trailingBackslashes = 0;

  /** `checkQuotes`: the literal's end was guessed, so verify that no quote inside is unescaped. */
  constructor(
    forceMode?: LargeStringMode,
    private readonly scannerOptions?: FragmentScannerOptions,
    private readonly checkQuotes = false,
  ) {
    if (forceMode) this.setMode(forceMode);
  }

  /** Raw bytes of the literal's content (between the quotes), in order. */
  push(raw: Buffer): void {
    if (raw.length === 0) return;
    if (this.checkQuotes) this.checkRaw(raw);
    if (this.mode === undefined) {
      if (this.probeBytes === 0 && raw.length >= PROBE_BYTES) {
        // The usual case: the first piece alone is enough to decide, no copy needed.
        this.setMode(looksLikeBase64(raw) ? 'base64' : 'text');
      } else {
        this.probe.push(Buffer.from(raw));
        this.probeBytes += raw.length;
        if (this.probeBytes >= PROBE_BYTES) this.decide();
        return;
      }
    }
    this.route(raw);
  }

  end(): LargeStringScan {
    if (this.mode === undefined) this.decide();
    let decodedSize: number;
    if (this.mode === 'base64') {
      const rest = this.unescape.end();
      if (rest.length > 0) this.routeDecoded(rest);
      const tail = this.base64!.end();
      if (tail.length > 0) this.takeDecoded(tail);
      this.flushHead();
      decodedSize = base64DecodedLength(this.base64Chars, countPadding(this.lastTwo));
    } else {
      decodedSize = this.textLength.end();
    }
    const scan: LargeStringScan = { mode: this.mode!, fragments: this.scanner!.end(), decodedSize, binary: this.binary };
    if (this.invalid) scan.invalid = true;
    return scan;
  }

  private checkRaw(raw: Buffer): void {
    for (let q = raw.indexOf(QUOTE); q >= 0 && !this.invalid; q = raw.indexOf(QUOTE, q + 1)) {
      let j = q - 1;
      while (j >= 0 && raw[j] === BACKSLASH) j--;
      const run = q - 1 - j + (j < 0 ? this.trailingBackslashes : 0);
      if ((run & 1) === 0) this.invalid = true;
    }
    let j = raw.length - 1;
    while (j >= 0 && raw[j] === BACKSLASH) j--;
    this.trailingBackslashes = raw.length - 1 - j + (j < 0 ? this.trailingBackslashes : 0);
  }

  private route(raw: Buffer): void {
    if (this.mode === 'text') {
      this.textLength.push(raw);
      this.scanner!.push(raw);
      return;
    }
    const decoded = this.unescape.push(raw);
    if (decoded.length > 0) this.routeDecoded(decoded);
  }

  private routeDecoded(bytes: Buffer): void {
    this.countBase64(bytes);
    if (!this.skipDecoding) this.takeDecoded(this.base64!.push(bytes));
  }

  private setMode(mode: LargeStringMode): void {
    this.mode = mode;
    this.scanner = createFragmentScanner({ ...this.scannerOptions, jsonEscaped: mode === 'text' });
    // Decoded bytes are scanned (which copies what it keeps) before the next push.
    if (mode === 'base64') this.base64 = new Base64StreamDecoder({ reuseOutput: true });
  }

  private decide(): void {
    const probe = Buffer.concat(this.probe);
    this.probe = [];
    this.setMode(looksLikeBase64(probe) ? 'base64' : 'text');
    if (probe.length > 0) this.route(probe);
  }

  private countBase64(bytes: Buffer): void {
    let spaces = 0;
    if (bytes.indexOf(0x0a) >= 0 || bytes.indexOf(0x0d) >= 0 || bytes.indexOf(0x20) >= 0) {
      for (let i = 0; i < bytes.length; i++) if (isJsonSpace(bytes[i])) spaces++;
    }
    this.base64Chars += bytes.length - spaces;
    this.trackLastTwo(bytes);
  }

  private trackLastTwo(bytes: Buffer): void {
    const tail: number[] = [];
    for (let i = bytes.length - 1; i >= 0 && tail.length < 2; i--) if (!isJsonSpace(bytes[i])) tail.unshift(bytes[i]!);
    this.lastTwo = [...this.lastTwo, ...tail].slice(-2);
  }

  /** Waits for a few decoded bytes to recognise media (not worth scanning), then scans. */
  private takeDecoded(decoded: Buffer): void {
    if (decoded.length === 0 || this.skipDecoding) return;
    if (this.headBytes === 0 && decoded.length >= MAGIC_BYTES) {
      // The usual case: the first piece alone shows whether this is media; no copy needed.
      this.headBytes = MAGIC_BYTES;
      if (startsWithBinaryMagic(decoded)) {
        this.binary = true;
        this.skipDecoding = true;
        return;
      }
      this.scanDecoded(decoded);
      return;
    }
    if (this.headBytes < MAGIC_BYTES) {
      this.head.push(Buffer.from(decoded));
      this.headBytes += decoded.length;
      if (this.headBytes >= MAGIC_BYTES) this.flushHead();
      return;
    }
    this.scanDecoded(decoded);
  }

  private flushHead(): void {
    if (this.head.length === 0) return;
    const head = Buffer.concat(this.head);
    this.head = [];
    this.headBytes = MAGIC_BYTES;
    if (startsWithBinaryMagic(head)) {
      this.binary = true;
      this.skipDecoding = true;
      return;
    }
    this.scanDecoded(head);
  }

  private scanDecoded(decoded: Buffer): void {
    if (decoded.indexOf(0) >= 0) this.binary = true;
    this.scanner!.push(decoded);
  }
}

/** Still escaped: `\/` and `\n` may appear in base64 written by some JSON encoders. */
function looksLikeBase64(probe: Buffer): boolean {
  if (probe.length < 16) return false;
  const end = Math.min(probe.length, PROBE_BYTES);
  for (let i = 0; i < end; i++) {
    const b = probe[i]!;
    if (BASE64_STD[b] !== 1 && !isJsonSpace(b) && b !== 0x2d && b !== 0x5f && b !== BACKSLASH) return false;
  }
  return true;
}

function countPadding(lastTwo: number[]): number {
  if (lastTwo[1] !== 0x3d) return 0;
  return lastTwo[0] === 0x3d ? 2 : 1;
}
