/**
 * Reads one zip member's bytes. Stored and deflated members (every
 * unencrypted SAZ) take the fast path: raw bytes from the block cache,
 * inflated by node:zlib. zip.js's own per-entry pipeline costs about half a
 * millisecond per member, far too slow for traces with tens of thousands of
 * small members, so it only handles encrypted members and rare methods.
 */
import { promisify } from 'node:util';
import { createInflateRaw, inflateRaw, inflateRawSync } from 'node:zlib';
import type { BlockFile } from './block-file.js';
import { inflateRawExact, inflateRawStart } from '../../zlib-engines.js';
import type { ZipMember } from './central-directory.js';
import type { InflateThread } from './inflate-thread.js';
import { ZipJsMembers, ZipMemberError, type CappedBytes } from './zipjs-members.js';

/** Zip-bomb bound on one member's decompressed size; larger members are cut here. */
export const MAX_MEMBER_BYTES = 512 << 20;

const LOCAL_SIG = 0x04034b50;
/**
 * Members inflating to more than this run on the libuv thread pool, overlapping
 * with parsing on the main thread. Below it the pool's per-call cost outweighs
 * the work (measured: a 100 KB stored-deflate member costs 3x more CPU async).
 */
const ASYNC_INFLATE_BYTES = 1 << 20;
const inflateRawAsync = promisify(inflateRaw);
const MAX_CHUNK_BYTES = 8 << 20;

function tooLarge(e: unknown): boolean {
  return e instanceof RangeError || (e as NodeJS.ErrnoException | undefined)?.code === 'ERR_BUFFER_TOO_LARGE';
}

/**
 * Streams `data` through inflate, handing each output chunk to `onChunk` until it
 * returns false or the stream ends. Output is never gathered here, so memory stays
 * at one chunk whatever the stream inflates to.
 */
function inflateChunks(data: Buffer, onChunk: (chunk: Buffer) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw();
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      inflater.destroy();
      resolve();
    };
    inflater.on('data', (chunk: Buffer) => {
      if (!done && !onChunk(chunk)) finish();
    });
    inflater.on('end', finish);
    inflater.on('error', finish);
    inflater.end(data);
  });
}

/**
 * The first `cap` bytes of a deflate stream whose directory size was wrong or
 * above the cap (a zip bomb). Inflating twice, once to count and once to fill
 * one buffer of exactly that size, keeps the peak at the output size: gathering
 * chunks and concatenating them would need twice that.
 */
async function inflatePrefix(data: Buffer, cap: number): Promise<CappedBytes> {
  let length = 0;
  await inflateChunks(data, (chunk) => {
    length = Math.min(cap + 1, length + chunk.length);
    return length <= cap;
  });
  const truncated = length > cap;
  const out = Buffer.allocUnsafe(Math.min(length, cap));
  let filled = 0;
  await inflateChunks(data, (chunk) => {
    filled += chunk.copy(out, filled, 0, Math.min(chunk.length, out.length - filled));
    return filled < out.length;
  });
  return { bytes: filled === out.length ? out : out.subarray(0, filled), truncated };
}

export class MemberReader {
  private zipjs: ZipJsMembers | undefined;
  private reached = 0;

  /** `thread`: inflates deflated members off the main thread (large archives, see InflateThread). */
  constructor(
    private readonly file: BlockFile,
    private readonly path: string,
    private readonly password: string | undefined,
    private readonly thread?: InflateThread | null,
  ) {}

  /** Furthest byte of the file any member read so far ends at (for progress). */
  get bytesReached(): number {
    return Math.max(this.reached, this.file.bytesRead);
  }

  /** Whether `read` inflates this member on the inflating thread (so peeking at its head on the main thread saves nothing). */
  inflatesOffThread(member: ZipMember, cap: number = MAX_MEMBER_BYTES): boolean {
    return this.thread?.accepts(member, cap) === true;
  }

  /** Stops the inflating thread, if any. */
  close(): void {
    this.thread?.close();
  }

  /** Whether this member needs zip.js (and so, for encrypted ones, the password). */
  static needsZipJs(member: ZipMember): boolean {
    return member.encrypted || (member.method !== 0 && member.method !== 8);
  }

  async read(member: ZipMember, cap: number = MAX_MEMBER_BYTES, verifyCrc = false): Promise<CappedBytes> {
    this.reached = Math.max(this.reached, member.localHeaderOffset + member.compressedSize);
    if (!verifyCrc && this.thread?.accepts(member, cap)) {
      const bytes = await this.thread.inflate(member);
      // Undefined: the thread could not read it as announced; the main-thread read below says why.
      if (bytes) return { bytes, truncated: false };
    }
    if (MemberReader.needsZipJs(member)) {
      this.zipjs ??= new ZipJsMembers(this.path);
      return this.zipjs.read(member.name, this.password, cap, verifyCrc);
    }
    const data = await this.file.read(await this.dataStart(member), member.compressedSize);
    if (data.length < member.compressedSize) throw new ZipMemberError('member data cut short (truncated file)');
    if (member.method === 0) {
      // Copy: `data` may be a view into the block cache.
      return { bytes: Buffer.from(data.subarray(0, cap)), truncated: data.length > cap };
    }
    return this.inflate(data, member.uncompressedSize, cap);
  }

  /**
   * The first bytes of a member — what its first `compressedBytes` inflate to — without
   * inflating the rest: enough to read an HTTP head. Undefined when only a full read can
   * tell (zip.js members, members over the size cap, data that inflates to more than
   * `maxBytes` or will not inflate).
   */
  async readStart(member: ZipMember, compressedBytes: number, maxBytes: number): Promise<Buffer | undefined> {
    if (MemberReader.needsZipJs(member) || member.uncompressedSize > MAX_MEMBER_BYTES) return undefined;
    const data = await this.file.read(await this.dataStart(member), Math.min(compressedBytes, member.compressedSize));
    if (member.method === 0) return Buffer.from(data.subarray(0, maxBytes));
    return inflateRawStart(data, maxBytes);
  }

  private async dataStart(member: ZipMember): Promise<number> {
    const header = await this.file.read(member.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIG) throw new ZipMemberError('local file header not found');
    return member.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }

  private async inflate(data: Buffer, expectedSize: number, cap: number): Promise<CappedBytes> {
    // zlib's default 16 KB output chunks cost an allocation (and, async, a thread-pool
    // round trip) each; sizing the chunk from the directory's size makes it one step.
    // A member announcing more than the cap is a bomb or a huge download: cut at once.
    // Copies below: the thread pool reads them while the block they came from may be loaded into again.
    if (expectedSize > cap) return inflatePrefix(Buffer.from(data), cap);
    // The one-step attempt stops just past the announced size: a directory that
    // understates it (a lying bomb) must not make zlib grow in tiny chunks up to the cap.
    const options = { maxOutputLength: Math.max(64, expectedSize), chunkSize: Math.max(64, Math.min(expectedSize, MAX_CHUNK_BYTES, cap)) };
    try {
      if (expectedSize < ASYNC_INFLATE_BYTES) {
        const reused = expectedSize < cap ? inflateRawExact(data, expectedSize) : undefined;
        return { bytes: reused ?? inflateRawSync(data, options), truncated: false };
      }
      return { bytes: await inflateRawAsync(Buffer.from(data), options), truncated: false };
    } catch (e) {
      if (tooLarge(e)) return inflatePrefix(Buffer.from(data), cap);
      throw new ZipMemberError('corrupt deflate data');
    }
  }
}
