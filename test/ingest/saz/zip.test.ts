import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockFile, BLOCK_BYTES } from '../../../src/ingest/saz/zip/block-file.js';
import { createFileHasher } from '../../../src/ingest/saz/zip/file-hasher.js';
import { readCentralDirectory } from '../../../src/ingest/saz/zip/central-directory.js';
import { MemberReader } from '../../../src/ingest/saz/zip/member-reader.js';
import { groupSessions } from '../../../src/ingest/saz/sessions.js';
import { TempDir } from './saz-builder.js';

let dir: TempDir;
beforeAll(async () => {
  dir = await TempDir.create();
});
afterAll(async () => {
  await dir.remove();
});

function pattern(length: number): Buffer {
  const buf = Buffer.alloc(length);
  for (let i = 0; i < length; i++) buf[i] = (i * 31 + (i >> 8)) & 0xff;
  return buf;
}

describe('zip layer', () => {
  it.each([
    ['deflated', 6],
    ['stored', 0],
  ])('reads %s members whole, or cut at a size cap (zip-bomb bound)', async (_name, level) => {
    const big = pattern(3 * BLOCK_BYTES + 12345);
    const path = await dir.writeZip(`members-${level}.zip`, [
      { name: 'a.txt', data: 'small' },
      { name: 'big.bin', data: big },
    ], { level });
    const file = await BlockFile.open(path);
    try {
      const { members } = await readCentralDirectory(file);
      expect(members.map((m) => [m.name, m.uncompressedSize, m.encrypted])).toEqual([
        ['a.txt', 5, false],
        ['big.bin', big.length, false],
      ]);
      const reader = new MemberReader(file, path, undefined);
      expect((await reader.read(members[0]!)).bytes.toString()).toBe('small');
      const whole = await reader.read(members[1]!);
      expect(whole.truncated).toBe(false);
      expect(whole.bytes.equals(big)).toBe(true);
      const cut = await reader.read(members[1]!, 100_000);
      expect(cut.truncated).toBe(true);
      expect(cut.bytes.equals(big.subarray(0, 100_000))).toBe(true);
    } finally {
      await file.close();
    }
  });

  it('hashes the file from the blocks it read, whatever the access order', async () => {
    const data = pattern(2 * BLOCK_BYTES + 999);
    const path = await dir.writeFile('blocks.bin', data);
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update(data).digest('hex');
    const file = await BlockFile.open(path);
    try {
      // Out of order and across block boundaries.
      expect((await file.read(2 * BLOCK_BYTES + 10, 20)).equals(data.subarray(2 * BLOCK_BYTES + 10, 2 * BLOCK_BYTES + 30))).toBe(true);
      expect((await file.read(BLOCK_BYTES - 5, 10)).equals(data.subarray(BLOCK_BYTES - 5, BLOCK_BYTES + 5))).toBe(true);
      expect((await file.read(data.length - 3, 100)).length).toBe(3);
      expect(await file.sha256()).toBe(expected);
    } finally {
      await file.close();
    }
  });

  it('hashes large files on a worker thread that reads the file itself', async () => {
    const data = pattern(300_000);
    const path = await dir.writeFile('worker-hash.bin', data);
    const { createHash } = await import('node:crypto');
    const hasher = createFileHasher(path, data.length, true);
    expect(hasher.wantsBlocks).toBe(false);
    expect(await hasher.digest()).toBe(createHash('sha256').update(data).digest('hex'));
    const missing = createFileHasher(`${path}.missing`, 10, true);
    await expect(missing.digest()).rejects.toThrow('ENOENT');
  });

  it('groups members into sessions and counts orphans', () => {
    const m = (name: string) => ({ name, localHeaderOffset: 0, compressedSize: 1, uncompressedSize: 1, method: 8, encrypted: false });
    const layout = groupSessions([m('raw/3_s.txt'), m('raw/2_c.txt'), m('raw/2_w.txt'), m('raw/2_m.xml'), m('raw/2_g.txt'), m('raw/1_m.txt'), m('raw/10_c.txt'), m('raw/..\\x_c.txt')]);
    expect(layout.sessions.map((s) => [s.key, !!s.response, !!s.metadata, !!s.webSocket])).toEqual([
      ['2', false, true, true],
      ['10', false, false, false],
    ]);
    expect(layout.orphans).toBe(1);
    expect(layout.unsafeNames).toEqual(['raw/..\\x_c.txt']);
  });
});
