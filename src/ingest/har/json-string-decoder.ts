/**
 * Undoes JSON string escapes on the raw bytes of a string literal's content, in
 * chunks of any size, producing UTF-8. The result equals
 * `Buffer.from(JSON.parse(literal), 'utf8')` (lone surrogates become U+FFFD, as
 * they do when a JS string is written as UTF-8); invalid escapes are kept as written.
 */
import { BACKSLASH } from '../scan/byte-classes.js';

const SIMPLE_ESCAPES: Record<number, number> = {
  0x22: 0x22, // "
  0x5c: 0x5c, // \
  0x2f: 0x2f, // /
  0x62: 0x08, // b
  0x66: 0x0c, // f
  0x6e: 0x0a, // n
  0x72: 0x0d, // r
  0x74: 0x09, // t
};

const REPLACEMENT = [0xef, 0xbf, 0xbd];

export class JsonStringDecoder {
  private carry: Buffer = Buffer.alloc(0);

  /**
   * Decoded bytes for this chunk. When the chunk holds no escape the chunk itself
   * is returned (no copy), so consume the result before the chunk is reused.
   */
  push(chunk: Buffer): Buffer {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    return this.decode(data, false);
  }

  /** Flushes an escape that was waiting for more bytes (the literal ended). */
  end(): Buffer {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return rest.length > 0 ? this.decode(rest, true) : rest;
  }

  private decode(data: Buffer, final: boolean): Buffer {
    let bs = data.indexOf(BACKSLASH);
    if (bs < 0) return data;
    const out = Buffer.allocUnsafe(data.length);
    let o = 0;
    let p = 0;
    while (bs >= 0) {
      o += data.copy(out, o, p, bs);
      const consumed = decodeEscape(data, bs, out, o, final);
      if (consumed === 0) {
        if (final) {
          o += data.copy(out, o, bs);
          return out.subarray(0, o);
        }
        this.carry = Buffer.from(data.subarray(bs));
        return out.subarray(0, o);
      }
      o = written;
      p = bs + consumed;
      bs = data.indexOf(BACKSLASH, p);
    }
    o += data.copy(out, o, p);
    return out.subarray(0, o);
  }
}

/** Where the last decoded escape ended in `out` (a module variable: no allocation per escape). */
let written = 0;

/**
 * Decodes the escape at `at` into `out` at `o` and returns the raw bytes consumed
 * (the new output position goes to `written`); 0 when more bytes are needed to
 * decide (or, when `final`, when the escape is truncated and must be kept as written).
 */
function decodeEscape(data: Buffer, at: number, out: Buffer, o: number, final: boolean): number {
  const len = data.length;
  if (at + 1 >= len) return 0;
  const c = data[at + 1]!;
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) {
    out[o] = simple;
    return done(2, o + 1);
  }
  if (c !== 0x75 /* u */) {
    out[o] = c;
    return done(2, o + 1);
  }
  if (at + 6 > len) return 0;
  const unit = hex4(data, at + 2);
  if (unit < 0) {
    out[o] = c;
    return done(2, o + 1);
  }
  if (unit >= 0xd800 && unit <= 0xdbff) {
    // A high surrogate needs the following \uDC00-\uDFFF to make one code point.
    if (at + 6 === len && !final) return 0;
    if (data[at + 6] === BACKSLASH) {
      if (at + 12 > len && !final) return 0;
      const low = at + 12 <= len && data[at + 7] === 0x75 ? hex4(data, at + 8) : -1;
      if (low >= 0xdc00 && low <= 0xdfff) {
        const cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        return done(12, writeUtf8(cp, out, o));
      }
    }
    return done(6, writeReplacement(out, o));
  }
  if (unit >= 0xdc00 && unit <= 0xdfff) return done(6, writeReplacement(out, o));
  return done(6, writeUtf8(unit, out, o));
}

function done(consumed: number, newOut: number): number {
  written = newOut;
  return consumed;
}

function hex4(data: Buffer, at: number): number {
  let v = 0;
  for (let i = 0; i < 4; i++) {
    const b = data[at + i]!;
    let d: number;
    if (b >= 0x30 && b <= 0x39) d = b - 0x30;
    else if (b >= 0x61 && b <= 0x66) d = b - 0x57;
    else if (b >= 0x41 && b <= 0x46) d = b - 0x37;
    else return -1;
    v = (v << 4) | d;
  }
  return v;
}

function writeReplacement(out: Buffer, o: number): number {
  out[o] = REPLACEMENT[0]!;
  out[o + 1] = REPLACEMENT[1]!;
  out[o + 2] = REPLACEMENT[2]!;
  return o + 3;
}

function writeUtf8(cp: number, out: Buffer, o: number): number {
  if (cp < 0x80) {
    out[o] = cp;
    return o + 1;
  }
  if (cp < 0x800) {
    out[o] = 0xc0 | (cp >> 6);
    out[o + 1] = 0x80 | (cp & 0x3f);
    return o + 2;
  }
  if (cp < 0x10000) {
    out[o] = 0xe0 | (cp >> 12);
    out[o + 1] = 0x80 | ((cp >> 6) & 0x3f);
    out[o + 2] = 0x80 | (cp & 0x3f);
    return o + 3;
  }
  out[o] = 0xf0 | (cp >> 18);
  out[o + 1] = 0x80 | ((cp >> 12) & 0x3f);
  out[o + 2] = 0x80 | ((cp >> 6) & 0x3f);
  out[o + 3] = 0x80 | (cp & 0x3f);
  return o + 4;
}
