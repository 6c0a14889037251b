/**
 * Binary bodies (images, fonts, video): a seeded block of noise, cut at random
 * offsets, behind the real magic bytes of each format. Noise is what compressed
 * media looks like to a scanner and to deflate alike: nothing to find, nothing to shrink.
 */
const MAGIC = {
  'image/png': Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  'image/jpeg': Buffer.from('ffd8ffe000104a46494600010101', 'hex'),
  'image/gif': Buffer.from('GIF89a', 'latin1'),
  'image/webp': Buffer.from('524946460000000057454250565038', 'hex'),
  'font/woff2': Buffer.from('wOF2\u0000\u0001\u0000\u0000', 'latin1'),
  'image/x-icon': Buffer.from('00000100010010100000', 'hex'),
  'video/mp4': Buffer.from('0000001c6674797069736f6d', 'hex'),
  'application/octet-stream': Buffer.alloc(0),
};

export const BINARY_TYPES = Object.keys(MAGIC);

export class BinaryPool {
  constructor(rng, poolBytes = 8 << 20) {
    this.rng = rng;
    this.pool = rng.bytes(poolBytes);
  }

  bytes(mimeType, n) {
    const magic = MAGIC[mimeType] ?? MAGIC['application/octet-stream'];
    const out = Buffer.allocUnsafe(Math.max(n, magic.length));
    magic.copy(out, 0);
    let at = magic.length;
    while (at < out.length) {
      const len = Math.min(out.length - at, this.pool.length >> 1);
      const from = this.rng.int(0, this.pool.length - len);
      this.pool.copy(out, at, from, from + len);
      at += len;
    }
    return out;
  }
}
