import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isInputError } from '../../../src/ingest/errors.js';
import { openHar } from '../../../src/ingest/har/index.js';
import { entry, fakeJws, harText, tempDir, writeTemp } from './har-text.js';
import { readAll } from './read-all.js';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const secret = fakeJws({ sub: 'must-not-leak' });

/** Reads the file and returns the InputError message (one line, names the file, no contents). */
async function failure(name: string, content: string | Buffer, chunkBytes?: number): Promise<string> {
  const path = writeTemp(dir, name, content);
  try {
    await readAll(path, chunkBytes ? { chunkBytes } : {});
  } catch (e) {
    expect(isInputError(e)).toBe(true);
    const message = (e as Error).message;
    expect(message.startsWith(`${path}: `)).toBe(true);
    expect(message).not.toContain('\n');
    expect(message).not.toContain(secret.slice(0, 20));
    return message.slice(path.length + 2);
  }
  throw new Error('expected an InputError');
}

const good = harText([entry({ request: { headers: [{ name: 'Authorization', value: `Bearer ${secret}` }] } }), entry(), entry()], { indent: 2 });

describe('unreadable HAR files', () => {
  test('not JSON at all, or JSON of the wrong shape', async () => {
    expect(await failure('text.har', 'hello')).toBe('not a HAR file: no JSON object at byte 0');
    expect(await failure('empty-object.har', '{}')).toBe('no log object at top level');
    expect(await failure('log-array.har', '{"log":[1]}')).toBe('log is not an object');
    expect(await failure('no-entries.har', '{"log":{"version":"1.2","creator":{"name":"x"}}}')).toBe('log.entries missing');
    expect(await failure('entries-object.har', '{"log":{"entries":{}}}')).toBe('log.entries is not an array');
  });

  test('truncated inside an entry, between entries, in the log object', async () => {
    const cut = good.indexOf('"timings"', good.indexOf('"timings"') + 1);
    expect(await failure('cut-entry.har', good.slice(0, cut))).toBe(`truncated: file ends at byte ${cut} inside entry 2 (after 1 complete entries)`);
    const afterSecond = good.lastIndexOf('{', good.lastIndexOf('"startedDateTime"'));
    expect(await failure('cut-array.har', good.slice(0, afterSecond), 5)).toBe(`truncated: file ends at byte ${afterSecond} in log.entries after 2 entries`);
    const afterArray = good.lastIndexOf(']') + 1;
    expect(await failure('cut-log.har', good.slice(0, afterArray))).toBe(`truncated: file ends at byte ${afterArray} in the log object (after 3 entries)`);
  });

  test('broken JSON inside an entry names the entry and where it is', async () => {
    const broken = good.replace('"time": 12.5', '"time": 12.5,,');
    const start = broken.indexOf('{', broken.indexOf('"entries"'));
    const message = await failure('broken-entry.har', broken);
    expect(message).toMatch(new RegExp(`^broken JSON in entry 1 \\(bytes ${start}-\\d+, near byte \\d+\\)$`));
    const near = Number(/near byte (\d+)/.exec(message)![1]);
    expect(broken.slice(near - 2, near + 1)).toContain(',,');
  });

  test('broken structure between entries', async () => {
    const message = await failure('junk.har', '{"log":{"entries":[{"a":1} x]}}');
    expect(message).toBe("invalid JSON at byte 27: expected ',' or ']' after an entry in log.entries after 1 entries");
  });

  test('a missing file and a directory', async () => {
    await expect(openHar(`${dir}/nope.har`, { input: 0 })).rejects.toThrow(`${dir}/nope.har: no such file`);
    await expect(openHar(dir, { input: 0 })).rejects.toThrow(`${dir}: is a directory, not a trace file`);
  });
});

describe('files that are read with warnings', () => {
  test('entries with wrong types are normalized and reported once per kind', async () => {
    const path = writeTemp(
      dir,
      'odd.har',
      harText([
        entry({ request: { headers: { Accept: 'text/html' } } }),
        42,
        entry({ startedDateTime: 'yesterday', request: { url: 7 }, response: { status: 'oops' } }),
        { ...entry({ response: { headers: 'x' } }), request: null },
        entry({ request: { headers: { Accept: '*/*' } } }),
        entry({ request: { url: 'no-scheme', headers: [{ name: 'X-No-Value' }] } }),
      ]),
    );
    const { entries, warnings } = await readAll(path);
    expect(entries).toHaveLength(6);
    expect(entries[0]!.request.headers).toEqual([{ name: 'Accept', value: 'text/html' }]);
    expect(entries[2]!.startedAt).toBe(entries[1]!.startedAt);
    expect(entries[2]!.request.url).toBe('7');
    expect(entries[3]!.request).toEqual({ method: '', url: '', httpVersion: '', headers: [] });
    const byMessage = Object.fromEntries(warnings.map((w) => [w.message.slice(path.length + 2), w.entries.map((r) => r.index)]));
    expect(warnings.every((w) => w.code === 'har-entry-invalid')).toBe(true);
    const fromNormalizer = Object.fromEntries(Object.entries(byMessage).filter(([m]) => !m.includes('checked against HAR 1.2')));
    expect(fromNormalizer).toEqual({
      'request.headers is an object instead of an array (2 entries)': [1, 5],
      'entry is not an object (1 entry)': [2],
      'startedDateTime missing or not an ISO 8601 time (1 entry)': [3],
      'request.url missing or not a string (1 entry)': [3],
      'response.status is not a number (1 entry)': [3],
      'request missing or not an object (1 entry)': [4],
      'response.headers is not an array (1 entry)': [4],
    });
    // The sampled HAR 1.2 check adds only what the normalizer did not already say.
    expect(Object.keys(byMessage).filter((m) => m.includes('checked against HAR 1.2'))).toEqual([
      'entry.request.url should match format "uri" (1 entry of 6 checked against HAR 1.2)',
      "entry.request.headers[] should have required property 'value' (1 entry of 6 checked against HAR 1.2)",
    ]);
  });

  test('creator after entries, extra log members, data after the end', async () => {
    const text = harText([entry()], { creatorLast: true, creator: { name: 'Firefox', version: '125.0' }, extraLog: { _x: { big: [1, 2, { y: 'z' }] } } });
    const path = writeTemp(dir, 'late-creator.har', `${text}\n\ngarbage`);
    const { info, entries, warnings } = await readAll(path);
    expect(entries).toHaveLength(1);
    expect(info.producer).toBe('Firefox 125.0');
    expect(warnings).toEqual([
      { code: 'har-trailing-data', message: `${path}: ignored data after the end of the HAR at byte ${text.length + 2}`, entries: [] },
    ]);
  });

  test('progress reports bytes and entries, ending at the file size', async () => {
    const path = writeTemp(dir, 'progress.har', good);
    const { progress } = await readAll(path, { chunkBytes: 64 });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toEqual({ input: 0, bytesRead: good.length, totalBytes: good.length, entries: 3 });
  });
});

describe('consumers that stop early', () => {
  test('breaking out of the entry loop closes the file, and a new pass starts from the top', async () => {
    const path = writeTemp(dir, 'early.har', good);
    const reader = await openHar(path, { input: 3 });
    for await (const e of reader.entries()) {
      expect(e.index).toBe(1);
      break;
    }
    const again: number[] = [];
    for await (const e of reader.entries()) again.push(e.index);
    expect(again).toEqual([1, 2, 3]);
    expect(reader.info).toMatchObject({ input: 3, entries: 3, sizeBytes: good.length });
    expect(reader.info.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('edge shapes', () => {
  test('an empty entries array and a file with only the entries', async () => {
    const empty = await readAll(writeTemp(dir, 'empty.har', '{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[]}}'));
    expect(empty.entries).toEqual([]);
    expect(empty.info).toMatchObject({ entries: 0, producer: 'x 1' });
    const bare = await readAll(writeTemp(dir, 'bare.har', `{"log":{"entries":[${JSON.stringify(entry())}]}}`));
    expect(bare.entries).toHaveLength(1);
    expect(bare.info.producer).toBeUndefined();
  });
});
