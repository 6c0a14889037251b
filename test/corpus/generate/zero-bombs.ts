/**
 * Compression bombs that cost almost nothing to build: one MiB of zeros is
 * deflated once without a final block, and that block sequence is repeated.
 * Every back-reference in it points at zeros, so the repetition inflates to
 * `mib` MiB of zeros; a final empty block closes the stream.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32.js';

const MIB = 1 << 20;
/** BFINAL=1, fixed Huffman, end-of-block: the empty last block. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

export interface ZeroStream {
  data: Buffer;
  /** CRC-32 and length of what it inflates to. */
  crc: number;
  size: number;
}

/** A raw deflate stream of `mib` MiB of zeros (about 1 KB per MiB). */
export function zeroDeflate(mib: number): ZeroStream {
  const zeros = Buffer.alloc(MIB);
  const block = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const parts = new Array<Buffer>(mib).fill(block);
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(zeros, crc);
  return { data: Buffer.concat([...parts, FINAL_EMPTY_BLOCK]), crc, size: mib * MIB };
}

/** The same as a gzip member (Content-Encoding: gzip body). */
export function zeroGzip(mib: number): Buffer {
  const raw = zeroDeflate(mib);
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(raw.crc >>> 0, 0);
  trailer.writeUInt32LE(raw.size % 2 ** 32, 4);
  return Buffer.concat([header, raw.data, trailer]);
}
