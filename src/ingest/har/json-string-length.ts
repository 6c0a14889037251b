/**
 * Counts the UTF-8 bytes a JSON string literal's content decodes to, in chunks of
 * any size, without decoding it: the same total `JsonStringDecoder` would produce
 * (invalid escapes count as their letter, lone surrogates as U+FFFD).
 */
import { BACKSLASH } from '../scan/byte-classes.js';

export class JsonStringLength {
  private carry: Buffer = Buffer.alloc(0);
  total = 0;

  push(raw: Buffer): void {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, raw]) : raw;
    this.carry = Buffer.alloc(0);
    this.count(data, false);
  }

  end(): number {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    if (rest.length > 0) this.count(rest, true);
    return this.total;
  }

  private count(data: Buffer, final: boolean): void {
    const len = data.length;
    let p = 0;
    for (let bs = data.indexOf(BACKSLASH); bs >= 0; bs = data.indexOf(BACKSLASH, p)) {
      this.total += bs - p;
      const step = escapeSize(data, bs, final);
      if (step < 0) {
        if (final) {
          this.total += len - bs;
          return;
        }
        this.carry = Buffer.from(data.subarray(bs));
        return;
      }
      this.total += step & 7;
      p = bs + (step >> 3);
    }
    this.total += len - p;
  }
}

/** One escape as (raw bytes consumed << 3 | UTF-8 bytes produced), without allocating; -1: need more bytes. */
const step = (consumed: number, bytes: number): number => (consumed << 3) | bytes;

function escapeSize(data: Buffer, at: number, final: boolean): number {
  const len = data.length;
  if (at + 1 >= len) return -1;
  if (data[at + 1] !== 0x75 /* u */) return step(2, 1);
  if (at + 6 > len) return -1;
  const unit = hex4(data, at + 2);
  if (unit < 0) return step(2, 1);
  if (unit >= 0xd800 && unit <= 0xdbff) {
    if (at + 6 === len && !final) return -1;
    if (data[at + 6] === BACKSLASH) {
      if (at + 12 > len && !final) return -1;
      const low = at + 12 <= len && data[at + 7] === 0x75 ? hex4(data, at + 8) : -1;
      if (low >= 0xdc00 && low <= 0xdfff) return step(12, 4);
    }
    return step(6, 3);
  }
  if (unit >= 0xdc00 && unit <= 0xdfff) return step(6, 3);
  return step(6, unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3);
}

function hex4(data: Buffer, at: number): number {
  let v = 0;
  for (let i = 0; i < 4; i++) {
    const b = data[at + i]!;
    const d = b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x61 && b <= 0x66 ? b - 0x57 : b >= 0x41 && b <= 0x46 ? b - 0x37 : -1;
    if (d < 0) return -1;
    v = (v << 4) | d;
  }
  return v;
}
