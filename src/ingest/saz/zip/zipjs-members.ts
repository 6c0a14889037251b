/**
 * Members the fast path does not handle (encrypted with ZipCrypto or AES,
 * or compressed with a method other than stored/deflate) are read through
 * zip.js, which implements those. It is opened lazily, only for such files.
 */
import { openAsBlob } from 'node:fs';
import { WritableStream } from 'node:stream/web';
import type { Entry, FileEntry } from '@zip.js/zip.js';

/** zip.js is some fifty modules: loaded on first use, so reading a HAR or a plain SAZ never pays for it. */
const zipJs = (): Promise<typeof import('@zip.js/zip.js')> => import('@zip.js/zip.js');

/** The password is missing or wrong; the caller turns this into an InputError. */
export class ZipPasswordError extends Error {
  constructor(readonly reason: 'required' | 'wrong') {
    super(reason === 'required' ? 'password required' : 'wrong password');
  }
}

/** One member could not be read (corrupt data, unsupported method). */
export class ZipMemberError extends Error {}

export interface CappedBytes {
  bytes: Buffer;
  truncated: boolean;
}

const CAP_REACHED = 'member size cap reached';

/** A sink that keeps at most `cap` bytes and then stops the transfer. */
function cappedSink(cap: number): { stream: WritableStream<Uint8Array>; result: () => CappedBytes } {
  const chunks: Buffer[] = [];
  let total = 0;
  let truncated = false;
  const stream = new WritableStream<Uint8Array>({
    write(chunk, controller) {
      const room = cap - total;
      const piece = Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.byteLength, room));
      chunks.push(Buffer.from(piece));
      total += piece.length;
      if (chunk.byteLength > room) {
        truncated = true;
        controller.error(new Error(CAP_REACHED));
      }
    },
  });
  return { stream, result: () => ({ bytes: Buffer.concat(chunks, total), truncated }) };
}

export class ZipJsMembers {
  private entries: Promise<Map<string, FileEntry>> | undefined;

  constructor(private readonly path: string) {}

  private async load(): Promise<Map<string, FileEntry>> {
    const { BlobReader, ZipReader } = await zipJs();
    const reader = new ZipReader(new BlobReader(await openAsBlob(this.path)), {
      useWebWorkers: false,
      // Names are matched against the SAZ pattern by the caller; never reject the whole archive over one.
      filenameValidation: 'tolerant',
    });
    const map = new Map<string, FileEntry>();
    for (const entry of (await reader.getEntries()) as Entry[]) {
      if (!entry.directory) map.set(entry.filename, entry);
    }
    return map;
  }

  async read(name: string, password: string | undefined, cap: number, verifyCrc = false): Promise<CappedBytes> {
    this.entries ??= this.load();
    const entry = (await this.entries).get(name);
    if (!entry) throw new ZipMemberError('member not found by zip.js');
    const sink = cappedSink(cap);
    try {
      await entry.getData(sink.stream, { password, useWebWorkers: false, checkCrc32: verifyCrc });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const result = sink.result();
      if (result.truncated) return result;
      const { ERR_ENCRYPTED, ERR_INVALID_PASSWORD } = await zipJs();
      if (message === ERR_INVALID_PASSWORD) throw new ZipPasswordError(password ? 'wrong' : 'required');
      if (message === ERR_ENCRYPTED) throw new ZipPasswordError('required');
      throw new ZipMemberError(message);
    }
    return sink.result();
  }
}
