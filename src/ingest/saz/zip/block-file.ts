/**
 * Positional reads over a file through a small cache of aligned blocks.
 * SAZ members are stored in session order, so reading sessions in order
 * walks the file front to back: each block is read once, with the next one
 * prefetched while the current one is parsed. A small file's sha256 is
 * computed from those same blocks; a large one's by a worker (file-hasher).
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { createFileHasher, NO_HASH, type FileHasher } from './file-hasher.js';

export const BLOCK_BYTES = 2 << 20;
const CACHED_BLOCKS = 4;
const MAX_PENDING_HASH_BLOCKS = 4;

export class BlockFile {
  private readonly blocks = new Map<number, Promise<Buffer>>();
  private readonly hash: FileHasher;
  /** Index of the next block the hash needs. */
  private hashedBlocks = 0;
  /** Blocks that arrived ahead of the hash position, kept briefly so they are hashed without a re-read. */
  private readonly pendingHash = new Map<number, Buffer>();
  private highWater = 0;
  private digest: string | undefined;
  /** Buffers of evicted blocks, ready to load another block into (see retire). */
  private readonly spare: Buffer[] = [];

  private constructor(
    private readonly handle: FileHandle,
    readonly size: number,
    hashPath: string | undefined,
  ) {
    this.hash = hashPath === undefined ? NO_HASH : createFileHasher(hashPath, size);
  }

  /** `hash: false` skips hashing (reading one body back needs no digest). */
  static async open(path: string, options: { hash?: boolean } = {}): Promise<BlockFile> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      return new BlockFile(handle, size, options.hash === false ? undefined : path);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  /** Furthest byte any read has reached; good enough for progress reporting. */
  get bytesRead(): number {
    return this.highWater;
  }

  /** Reads without caching (central directory, one-off lookups); into `into` when it is large enough. */
  async readDirect(offset: number, length: number, into?: Buffer): Promise<Buffer> {
    const len = Math.max(0, Math.min(length, this.size - offset));
    const buf = into && into.length >= len ? into.subarray(0, len) : Buffer.allocUnsafe(len);
    let done = 0;
    // Bounded: every pass either reads at least one byte or stops.
    while (done < len) {
      const { bytesRead } = await this.handle.read(buf, done, len - done, offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === len ? buf : buf.subarray(0, done);
  }

  /**
   * Bytes [offset, offset+length) clipped to the file. The result may share
   * memory with the cache: copy it before keeping it beyond the current task.
   */
  async read(offset: number, length: number): Promise<Buffer> {
    const end = Math.min(offset + length, this.size);
    if (end <= offset) return Buffer.alloc(0);
    const first = Math.floor(offset / BLOCK_BYTES);
    const last = Math.floor((end - 1) / BLOCK_BYTES);
    if (first === last) {
      const block = await this.block(first);
      return block.subarray(offset - first * BLOCK_BYTES, end - first * BLOCK_BYTES);
    }
    const out = Buffer.allocUnsafe(end - offset);
    for (let b = first; b <= last; b++) {
      const block = await this.block(b);
      const from = Math.max(offset, b * BLOCK_BYTES) - b * BLOCK_BYTES;
      const to = Math.min(end, (b + 1) * BLOCK_BYTES) - b * BLOCK_BYTES;
      block.copy(out, b * BLOCK_BYTES + from - offset, from, to);
    }
    return out;
  }

  private block(index: number): Promise<Buffer> {
    let pending = this.blocks.get(index);
    if (pending) {
      // Refresh its place in the LRU order.
      this.blocks.delete(index);
      this.blocks.set(index, pending);
    } else {
      pending = this.load(index);
      this.remember(index, pending);
    }
    const next = index + 1;
    if (next * BLOCK_BYTES < this.size && !this.blocks.has(next)) this.remember(next, this.load(next));
    return pending;
  }

  private remember(index: number, block: Promise<Buffer>): void {
    this.blocks.set(index, block);
    // Failed prefetches must not surface as unhandled rejections; a real read of the block re-awaits it.
    block.catch(() => undefined);
    while (this.blocks.size > CACHED_BLOCKS) {
      const oldest = this.blocks.keys().next().value as number;
      this.blocks.get(oldest)!.then((buf) => this.retire(buf), () => undefined);
      this.blocks.delete(oldest);
    }
  }

  /**
   * An evicted block's buffer is loaded into again instead of allocating 2 MiB per block
   * (the whole file went through fresh buffers, garbage outside the JS heap). Readers use
   * a block's bytes synchronously once their read resolves (MemberReader copies what it
   * keeps or hands to the thread pool), so after one turn of the event loop nobody looks
   * at it any more. Blocks the inline hash may still hold are never reused.
   */
  private retire(buf: Buffer): void {
    if (this.hash.wantsBlocks || buf.length !== BLOCK_BYTES) return;
    setImmediate(() => {
      if (this.spare.length < CACHED_BLOCKS) this.spare.push(buf);
    });
  }

  private async load(index: number): Promise<Buffer> {
    const offset = index * BLOCK_BYTES;
    const buf = await this.readDirect(offset, BLOCK_BYTES, this.spare.pop());
    this.highWater = Math.max(this.highWater, offset + buf.length);
    this.feedHash(index, buf);
    return buf;
  }

  private feedHash(index: number, buf: Buffer): void {
    if (!this.hash.wantsBlocks || this.digest !== undefined || index < this.hashedBlocks) return;
    if (index > this.hashedBlocks) {
      if (this.pendingHash.size < MAX_PENDING_HASH_BLOCKS) this.pendingHash.set(index, buf);
      return;
    }
    this.hash.update(buf);
    this.hashedBlocks++;
    for (let next = this.pendingHash.get(this.hashedBlocks); next; next = this.pendingHash.get(this.hashedBlocks)) {
      this.pendingHash.delete(this.hashedBlocks);
      this.hash.update(next);
      this.hashedBlocks++;
    }
  }

  /** sha256 of the whole file (hex); reads whatever the cached reads did not cover. */
  async sha256(): Promise<string> {
    if (this.digest !== undefined) return this.digest;
    const blockCount = this.hash.wantsBlocks ? Math.ceil(this.size / BLOCK_BYTES) : 0;
    while (this.hashedBlocks < blockCount) {
      const index = this.hashedBlocks;
      const buf = this.pendingHash.get(index) ?? (await this.readDirect(index * BLOCK_BYTES, BLOCK_BYTES));
      this.pendingHash.delete(index);
      // A cached read may have fed this block meanwhile; only hash it if it is still next.
      if (this.hashedBlocks === index) {
        this.hash.update(buf);
        this.hashedBlocks++;
      }
    }
    this.pendingHash.clear();
    try {
      this.digest = await this.hash.digest();
    } catch {
      this.digest = await this.rehash();
    }
    return this.digest;
  }

  /** A second, inline pass over the file, should the hashing worker have failed. */
  private async rehash(): Promise<string> {
    const hash = createHash('sha256');
    for (let offset = 0; offset < this.size; offset += BLOCK_BYTES) hash.update(await this.readDirect(offset, BLOCK_BYTES));
    return hash.digest('hex');
  }

  async close(): Promise<void> {
    if (this.digest === undefined) this.hash.dispose();
    this.blocks.clear();
    this.spare.length = 0;
    this.pendingHash.clear();
    await this.handle.close();
  }
}
