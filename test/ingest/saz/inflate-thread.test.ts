/**
 * The inflating thread only moves work: a SAZ read with it gives exactly the
 * entries, warnings and hash it gives without, and a member the thread cannot
 * inflate as announced is read (and reported) on the main thread as before.
 */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockFile } from '../../../src/ingest/saz/zip/block-file.js';
import { readCentralDirectory } from '../../../src/ingest/saz/zip/central-directory.js';
import { InflateThread } from '../../../src/ingest/saz/zip/inflate-thread.js';
import { MemberReader } from '../../../src/ingest/saz/zip/member-reader.js';
import type { SazTuning } from '../../../src/ingest/saz/open-archive.js';
import { readAll, type ReadResult } from './read-entries.js';
import { metadataXml, request, response, TempDir } from './saz-builder.js';
import { writeSyntheticSaz } from './synthetic-saz.js';
import { SAZ_CASES } from '../../corpus/generate/saz-cases.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/saz');
const ALWAYS = { inflateThreadMinBytes: 0, awaitInflateThread: true };
const NEVER = { inflateThreadMinBytes: Number.POSITIVE_INFINITY };

let dir: TempDir;
beforeAll(async () => {
  dir = await TempDir.create();
});
afterAll(async () => {
  await dir.remove();
});

/** What a read shows a user, in a form two reads can be compared by. */
function shown(r: ReadResult): unknown {
  return { info: r.info, entries: r.entries, warnings: r.warnings };
}

async function settled(path: string, tuning: SazTuning): Promise<unknown> {
  try {
    return shown(await readAll(path, undefined, tuning));
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * Overwrites the deflate data of the member named `name` in place, leaving the
 * directory's sizes as they were: a member that does not inflate as announced.
 */
async function spoilMember(path: string, name: string): Promise<Buffer> {
  const file = await BlockFile.open(path, { hash: false });
  try {
    const member = (await readCentralDirectory(file)).members.find((m) => m.name === name)!;
    const zip = Buffer.from(await readFile(path));
    const at = member.localHeaderOffset;
    const dataStart = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    zip.fill(0xff, dataStart, dataStart + member.compressedSize);
    return zip;
  } finally {
    await file.close();
  }
}

describe('SAZ members inflated on a second thread', () => {
  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.saz')))('%s reads the same with and without it', async (name) => {
    const path = join(FIXTURES, name);
    expect(await settled(path, ALWAYS)).toEqual(await settled(path, NEVER));
  });

  // The hostile corpus's SAZ cases. Its bombs are left out: each takes seconds on the main thread, and one
  // whose directory understates its size is, for the thread, the member that does not inflate as announced below.
  it.each(Object.keys(SAZ_CASES))('hostile %s reads (or fails) the same with and without it', async (name) => {
    const path = await dir.writeFile(name, SAZ_CASES[name]!());
    expect(await settled(path, ALWAYS)).toEqual(await settled(path, NEVER));
  });

  it('a multi-megabyte synthetic SAZ reads the same with and without it', async () => {
    const path = join(dir.path, 'synthetic.saz');
    await writeSyntheticSaz(path, 6 << 20);
    const withThread = await readAll(path, undefined, ALWAYS);
    expect(withThread.entries.length).toBeGreaterThan(50);
    expect(shown(withThread)).toEqual(shown(await readAll(path, undefined, NEVER)));
  });

  it('a member that does not inflate as announced is reported as without it', async () => {
    const files = [
      { name: 'raw/01_c.txt', data: request('GET', 'https://api.contoso.example/a', { Host: 'api.contoso.example' }) },
      { name: 'raw/01_s.txt', data: response('200 OK', { 'Content-Type': 'text/plain' }, 'first response '.repeat(200)) },
      { name: 'raw/01_m.xml', data: metadataXml(1, { ClientBeginRequest: '2024-05-01T10:00:00.0000000+00:00' }) },
      { name: 'raw/02_c.txt', data: request('GET', 'https://api.contoso.example/b', { Host: 'api.contoso.example' }) },
      { name: 'raw/02_s.txt', data: response('200 OK', { 'Content-Type': 'text/plain' }, 'second response '.repeat(200)) },
      { name: 'raw/02_m.xml', data: metadataXml(2, { ClientBeginRequest: '2024-05-01T10:00:01.0000000+00:00' }) },
    ];
    const good = await dir.writeZip('good.saz', files);
    const bad = join(dir.path, 'spoiled.saz');
    await writeFile(bad, await spoilMember(good, 'raw/02_s.txt'));
    const withThread = await readAll(bad, undefined, ALWAYS);
    expect(withThread.warnings.map((w) => w.message).join('\n')).toMatch(/02_s\.txt could not be read \(corrupt deflate data\)/);
    expect(shown(withThread)).toEqual(shown(await readAll(bad, undefined, NEVER)));
  });

  it('gives each member its bytes, and undefined for one whose size is not the announced one', async () => {
    const big = Buffer.alloc(300_000, 'xyz');
    const path = await dir.writeZip('members.zip', [
      { name: 'a.txt', data: 'alpha' },
      { name: 'b.bin', data: big },
      { name: 'c.txt', data: 'gamma' },
    ]);
    const file = await BlockFile.open(path, { hash: false });
    const thread = InflateThread.start(path, file.size)!;
    try {
      expect(await thread.started).toBe(true);
      const { members } = await readCentralDirectory(file);
      const [a, b, c] = await Promise.all(members.map((m) => thread.inflate(m)));
      expect(a?.toString()).toBe('alpha');
      expect(b?.equals(big)).toBe(true);
      expect(c?.toString()).toBe('gamma');
      expect(await thread.inflate({ ...members[1]!, uncompressedSize: big.length - 1 })).toBeUndefined();
      const reader = new MemberReader(file, path, undefined, thread);
      expect((await reader.read(members[1]!)).bytes.equals(big)).toBe(true);
    } finally {
      thread.close();
      await file.close();
    }
  });
});
