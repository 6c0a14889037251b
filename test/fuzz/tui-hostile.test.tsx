/**
 * The interactive timeline over real analyses of hostile corpus files: every
 * tab of every entry and the findings and tokens views render without an
 * error, and the app keeps running.
 */
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { readBody } from '../../src/ingest/index.js';
import type { TuiOptions } from '../../src/tui/index.js';
import { FILES_DIR } from '../corpus/cases.js';
import { KEYS, renderApp, waitFor } from '../tui/harness.js';

afterEach(() => cleanup());

const FILES = ['wrong-types-everywhere.har', 'null-everywhere.har', 'garbage-tokens.har', 'code-soup.har', 'deep-nested-body.har', 'invalid-utf8.har', 'headers-as-string.har', 'string-escapes-heavy.har', 'entries-scalars.har'];

describe('the timeline over hostile traces', () => {
  it.each(FILES)('%s: every view renders and the app keeps running', async (name) => {
    const result = await analyze([join(FILES_DIR, name)]);
    const options: TuiOptions = {
      load: async () => ({ report: result.report, entries: result.entries }),
      readBody: (ref) => readBody(ref),
      showSecrets: false,
      exportReport: async (_kind, path) => path,
      defaultExportPath: () => '/tmp/never-written.json',
      noColor: true,
    };
    const h = await renderApp(options, { columns: 100, rows: 30 });
    const entries = Math.min(result.entries.length, 20);
    for (let i = 0; i < entries; i++) {
      await h.press('g', ...Array<string>(i).fill('j'), KEYS.enter);
      for (const tab of ['1', '2', '3', '4']) {
        await h.press(tab, ' ', ' ');
        if (h.frame().includes('loading…')) await waitFor(() => !h.frame().includes('loading…'), 'a body');
        expect(h.frame().length).toBeGreaterThan(0);
      }
      await h.press('q');
    }
    for (const view of ['F', 'T']) {
      await h.press(view);
      for (let row = 0; row < 10; row++) await h.press('j', ' ');
      await h.press('q');
    }
    await h.press('f', ...'~b eyJ'.split(''), KEYS.enter, 'G', 'g');
    expect(h.exits).toEqual([]);
    expect(h.frame()).toMatch(/\[timeline/);
    expect(h.frame()).not.toMatch(/\n {4}at /);
  }, 60_000);
});
