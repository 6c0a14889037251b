/** CRC-32 (zip, gzip): node:zlib's when this Node has it, a table-driven one otherwise. */
import * as zlib from 'node:zlib';

const native = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;

const TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

export function crc32(data: Buffer, previous = 0): number {
  if (native) return native(data, previous);
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
