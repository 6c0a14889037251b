import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCK_BYTES, BlockFile } from '../../../src/ingest/saz/zip/block-file.js';
import { TempDir } from './saz-builder.js';

let dir: TempDir;
let path: string;
let content: Buffer;

beforeAll(async () => {
  dir = await TempDir.create();
  // Large enough to be hashed by the worker, so that evicted blocks are loaded into again.
  content = Buffer.alloc(40 << 20);
  for (let i = 0; i < content.length; i += 4) content.writeUInt32LE((i * 2654435761) >>> 0, i);
  path = await dir.writeFile('big.bin', content);
});
afterAll(async () => {
  await dir.remove();
});

describe('BlockFile', () => {
  it('reads stay correct while blocks are evicted and their buffers reused, several reads in flight', async () => {
    const file = await BlockFile.open(path);
    try {
      const ranges: [number, number][] = [];
      for (let offset = 0; offset < content.length; offset += 700_001) ranges.push([offset, 1 + ((offset * 7) % (BLOCK_BYTES + 5000))]);
      // Eight reads in flight at a time, in file order, like the session read-ahead.
      for (let i = 0; i < ranges.length; i += 8) {
        const batch = ranges.slice(i, i + 8);
        const got = await Promise.all(batch.map(async ([o, n]) => Buffer.from(await file.read(o, n))));
        batch.forEach(([o, n], k) => expect(got[k]!.equals(content.subarray(o, Math.min(o + n, content.length)))).toBe(true));
      }
      expect(await file.sha256()).toBe(createHash('sha256').update(content).digest('hex'));
    } finally {
      await file.close();
    }
  });
});
