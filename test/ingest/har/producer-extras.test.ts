import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clockSampleOf } from '../../../src/extract/clocks/samples.js';
import { entry, harText, tempDir, writeTemp } from './har-text.js';
import { readAll } from './read-all.js';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Chrome extras that change what a response can tell', () => {
  test('_fetchedViaServiceWorker: true marks the entry, and its Date is no clock sample', async () => {
    const dated = { headers: [{ name: 'date', value: 'Wed, 01 May 2024 10:00:00 GMT' }] };
    const path = writeTemp(
      dir,
      'sw.har',
      harText([
        entry({ response: { ...dated, _fetchedViaServiceWorker: true } }),
        entry({ response: { ...dated, _fetchedViaServiceWorker: false } }),
        entry({ response: dated }),
      ]),
    );
    const { entries } = await readAll(path);
    expect(entries.map((e) => e.meta?.fromServiceWorker)).toEqual(['true', undefined, undefined]);
    expect(entries.map((e) => clockSampleOf(e) !== undefined)).toEqual([false, true, true]);
  });
});
