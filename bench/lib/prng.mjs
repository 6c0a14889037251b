/**
 * Seeded pseudo-random numbers (sfc32): the same seed gives the same trace,
 * byte for byte, on every run and machine.
 */
export class Prng {
  constructor(seed) {
    // Spread a small integer seed over the four state words, then warm up.
    this.a = 0x9e3779b9 ^ seed;
    this.b = 0x243f6a88 + Math.imul(seed, 0x85ebca6b);
    this.c = 0xb7e15162 ^ Math.imul(seed, 0xc2b2ae35);
    this.d = 1;
    for (let i = 0; i < 16; i++) this.u32();
  }

  u32() {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float() {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min, max) {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** Integer in [min, max] with a log-uniform spread: small values common, large ones rare. */
  logInt(min, max) {
    const lo = Math.log(min);
    return Math.round(Math.exp(lo + this.float() * (Math.log(max) - lo)));
  }

  chance(p) {
    return this.float() < p;
  }

  pick(list) {
    return list[Math.floor(this.float() * list.length)];
  }

  /** `table` is [[weight, value], ...]. */
  weighted(table) {
    let total = 0;
    for (const [w] of table) total += w;
    let r = this.float() * total;
    for (const [w, v] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1][1];
  }

  /** `n` pseudo-random bytes. */
  bytes(n) {
    const out = Buffer.allocUnsafe(n);
    let i = 0;
    for (; i + 4 <= n; i += 4) out.writeUInt32LE(this.u32(), i);
    for (; i < n; i++) out[i] = this.u32() & 0xff;
    return out;
  }

  /** A string of `n` characters from `alphabet`. */
  chars(n, alphabet) {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.u32() % alphabet.length];
    return s;
  }

  hex(n) {
    return this.chars(n, '0123456789abcdef');
  }

  guid() {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** A child generator, so that one part of a trace can draw numbers without shifting another's. */
  fork() {
    return new Prng(this.u32());
  }
}

export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
