/**
 * `analyze()` offers the entries read so far while it reads (for the timeline to
 * show them), and stops reading when its signal is aborted.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { entry, harText, tempDir, writeTemp } from '../ingest/har/har-text.js';

let dir: string;
let path: string;
const COUNT = 450;

beforeAll(() => {
  dir = tempDir();
  const entries = Array.from({ length: COUNT }, (_, i) => entry({ request: { url: `https://api.contoso.com/items/${i}` } }));
  path = writeTemp(dir, 'many.har', harText(entries, { indent: 2 }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('entries offered while reading', () => {
  it('offers entries from the first one on, the first hundred at once, then the growing list; the result has them all', async () => {
    const offered: number[] = [];
    const result = await analyze([path], { onEntries: (entries) => offered.push(entries.length) });
    expect(offered[0]).toBe(1);
    expect(offered).toContain(100);
    expect(offered.every((n, i) => i === 0 || n >= offered[i - 1]!)).toBe(true);
    expect(result.entries).toHaveLength(COUNT);
    expect(offered.at(-1)!).toBeLessThanOrEqual(COUNT);
  });

  it('stops at the next entry once its signal is aborted, and rejects', async () => {
    const stop = new AbortController();
    let seen = 0;
    const run = analyze([path], {
      signal: stop.signal,
      onEntries: (entries) => {
        seen = entries.length;
        stop.abort();
      },
    });
    await expect(run).rejects.toThrow('analysis stopped');
    expect(seen).toBe(1);
  });
});
