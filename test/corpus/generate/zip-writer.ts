/**
 * A minimal zip writer for hostile archives: any member name (traversal,
 * absolute, backslashes), stored or deflated members, precompressed deflate
 * streams (bombs), and sizes that lie. Real zip tools refuse to write most of
 * these, which is why the corpus builds them itself.
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32.js';

export interface ZipMemberSpec {
  name: string;
  /** Member content; deflated unless `stored`. */
  data?: Buffer;
  stored?: boolean;
  /** A raw deflate stream and the facts of what it inflates to (for bombs). */
  deflated?: { data: Buffer; crc: number; size: number };
  /** Uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
}

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function localHeader(w: Written): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(w.method, 8);
  h.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
  h.writeUInt32LE(w.crc >>> 0, 14);
  h.writeUInt32LE(w.compressedSize, 18);
  h.writeUInt32LE(w.size, 22);
  h.writeUInt16LE(w.name.length, 26);
  return Buffer.concat([h, w.name]);
}

function centralHeader(w: Written): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(w.method, 10);
  h.writeUInt32LE(0x00210000, 12);
  h.writeUInt32LE(w.crc >>> 0, 16);
  h.writeUInt32LE(w.compressedSize, 20);
  h.writeUInt32LE(w.size, 24);
  h.writeUInt16LE(w.name.length, 28);
  h.writeUInt32LE(w.offset, 42);
  return Buffer.concat([h, w.name]);
}

/** The bytes of a zip archive holding `members`, in order. */
export function zipBytes(members: readonly ZipMemberSpec[], comment = ''): Buffer {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const m of members) {
    const data = m.data ?? Buffer.alloc(0);
    const payload = m.deflated ? m.deflated.data : m.stored ? data : deflateRawSync(data);
    const w: Written = {
      name: Buffer.from(m.name, 'utf8'),
      method: m.stored && !m.deflated ? 0 : 8,
      crc: m.deflated ? m.deflated.crc : crc32(data),
      compressedSize: payload.length,
      size: m.declaredSize ?? (m.deflated ? m.deflated.size : data.length),
      offset,
    };
    const header = localHeader(w);
    parts.push(header, payload);
    offset += header.length + payload.length;
    written.push(w);
  }
  const central = Buffer.concat(written.map(centralHeader));
  const commentBytes = Buffer.from(comment, 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);
  return Buffer.concat([...parts, central, end, commentBytes]);
}
