/**
 * Reads a zip's central directory (APPNOTE 4.3.12-4.3.16, with Zip64).
 * This is the list of members with their sizes, methods and offsets; the
 * member data is read later, one session at a time.
 *
 * zip.js can list entries too, but it builds a rich object per entry
 * (~15-20 µs each); a SAZ holds three or four members per session, so a
 * trace with 60 000 sessions spent most of its time there. This reader only
 * decodes the few fields the SAZ reader needs.
 */
import type { BlockFile } from './block-file.js';

export interface ZipMember {
  name: string;
  localHeaderOffset: number;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflate, 99 WinZip AES, others handed to zip.js. */
  method: number;
  encrypted: boolean;
}

export interface ZipDirectory {
  members: ZipMember[];
  comment: Buffer;
}

/** Thrown when the bytes are not a zip this reader understands. */
export class ZipFormatError extends Error {}

const EOCD_SIG = 0x06054b50;
const EOCD_LEN = 22;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CD_SIG = 0x02014b50;
const CD_LEN = 46;
const MAX_COMMENT = 0xffff;

function u64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('zip64 value out of range');
  return Number(value);
}

interface EndRecord {
  eocdOffset: number;
  entries: number;
  cdSize: number;
  cdOffset: number;
  comment: Buffer;
}

async function findEndRecord(file: BlockFile): Promise<EndRecord> {
  if (file.size < EOCD_LEN) throw new ZipFormatError('too small to be a zip');
  const tailLen = Math.min(file.size, EOCD_LEN + MAX_COMMENT);
  const tailStart = file.size - tailLen;
  const tail = await file.readDirect(tailStart, tailLen);
  // Scan backwards: the record is normally last, its comment running to the end of the file.
  for (let i = tail.length - EOCD_LEN; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIG) continue;
    const commentLen = tail.readUInt16LE(i + 20);
    if (i + EOCD_LEN + commentLen > tail.length) continue;
    return {
      eocdOffset: tailStart + i,
      entries: tail.readUInt16LE(i + 10),
      cdSize: tail.readUInt32LE(i + 12),
      cdOffset: tail.readUInt32LE(i + 16),
      comment: Buffer.from(tail.subarray(i + EOCD_LEN, i + EOCD_LEN + commentLen)),
    };
  }
  throw new ZipFormatError('no end of central directory record');
}

async function applyZip64(file: BlockFile, end: EndRecord): Promise<EndRecord> {
  const needs = end.entries === 0xffff || end.cdSize === 0xffffffff || end.cdOffset === 0xffffffff;
  if (!needs || end.eocdOffset < 20) return end;
  const locator = await file.readDirect(end.eocdOffset - 20, 20);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIG) return end;
  const recordOffset = u64(locator, 8);
  const record = await file.readDirect(recordOffset, 56);
  if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new ZipFormatError('bad zip64 end record');
  return { ...end, entries: u64(record, 32), cdSize: u64(record, 40), cdOffset: u64(record, 48) };
}

interface Zip64Fields {
  uncompressed: number;
  compressed: number;
  offset: number;
}

/** Values stored as 0xFFFFFFFF in the record live in the Zip64 extra field (0x0001), in this order. */
function readZip64Extra(extra: Buffer, fields: Zip64Fields): Zip64Fields {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    const data = extra.subarray(at + 4, at + 4 + len);
    if (id === 0x0001) {
      let p = 0;
      const out = { ...fields };
      if (fields.uncompressed === 0xffffffff && p + 8 <= data.length) (out.uncompressed = u64(data, p)), (p += 8);
      if (fields.compressed === 0xffffffff && p + 8 <= data.length) (out.compressed = u64(data, p)), (p += 8);
      if (fields.offset === 0xffffffff && p + 8 <= data.length) out.offset = u64(data, p);
      return out;
    }
    at += 4 + len;
  }
  return fields;
}

function parseRecords(cd: Buffer, entries: number, base: number): ZipMember[] {
  const members: ZipMember[] = [];
  let at = 0;
  // Each record is at least 46 bytes, so the loop is bounded by the directory size.
  while (at + CD_LEN <= cd.length && members.length < entries) {
    if (cd.readUInt32LE(at) !== CD_SIG) throw new ZipFormatError('bad central directory record');
    const flags = cd.readUInt16LE(at + 8);
    const method = cd.readUInt16LE(at + 10);
    const nameLen = cd.readUInt16LE(at + 28);
    const extraLen = cd.readUInt16LE(at + 30);
    const commentLen = cd.readUInt16LE(at + 32);
    const nameStart = at + CD_LEN;
    const extraStart = nameStart + nameLen;
    const next = extraStart + extraLen + commentLen;
    if (next > cd.length) throw new ZipFormatError('truncated central directory');
    const sizes = readZip64Extra(cd.subarray(extraStart, extraStart + extraLen), {
      compressed: cd.readUInt32LE(at + 20),
      uncompressed: cd.readUInt32LE(at + 24),
      offset: cd.readUInt32LE(at + 42),
    });
    // Bit 11: UTF-8 name. Otherwise CP437; SAZ member names are ASCII, so latin1 decodes them exactly.
    const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', nameStart, extraStart);
    members.push({
      name,
      localHeaderOffset: sizes.offset + base,
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      method,
      encrypted: (flags & 0x1) !== 0,
    });
    at = next;
  }
  return members;
}

async function startsWithRecord(file: BlockFile, offset: number): Promise<boolean> {
  if (offset < 0 || offset + 4 > file.size) return false;
  const sig = await file.readDirect(offset, 4);
  return sig.length === 4 && sig.readUInt32LE(0) === CD_SIG;
}

export async function readCentralDirectory(file: BlockFile): Promise<ZipDirectory> {
  const end = await applyZip64(file, await findEndRecord(file));
  if (end.entries === 0) return { members: [], comment: end.comment };
  if (end.cdSize > file.size) throw new ZipFormatError('central directory larger than the file');
  // Data prepended to the zip (a self-extractor stub) shifts every offset by the same amount;
  // the directory then ends right where the end record starts.
  let base = 0;
  if (!(await startsWithRecord(file, end.cdOffset))) {
    base = end.eocdOffset - end.cdSize - end.cdOffset;
    if (base <= 0 || !(await startsWithRecord(file, end.cdOffset + base))) throw new ZipFormatError('central directory not found');
  }
  const cd = await file.readDirect(end.cdOffset + base, end.cdSize);
  return { members: parseRecords(cd, end.entries, base), comment: end.comment };
}
