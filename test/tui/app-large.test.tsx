import { afterEach, expect, test } from 'vitest';

import { cleanup } from 'ink-testing-library';
import { fixtureOptions, makeLargeData } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

test('100k entries: only the visible rows are drawn, and every key still works', async () => {
  const h = await renderApp(fixtureOptions(makeLargeData(100_000)));
  const rows = () => h.lines().filter((l) => /^[> ]\s*\d+ /.test(l));
  expect(h.lines()).toHaveLength(23);
  expect(rows()).toHaveLength(19);
  expect(h.lines()[h.lines().length - 2]).toMatch(/^\[timeline 1\/100,000\]/);
  await h.press('G');
  expect(rows()).toHaveLength(19);
  expect(rows()[18]).toMatch(/^> ?100000 /);
  await h.press(KEYS.pageUp, 'k');
  expect(h.lines()[h.lines().length - 2]).toMatch(/^\[timeline 99,980\/100,000\]/);
  await h.press('f');
  await h.type('~c 401');
  await h.press(KEYS.enter);
  expect(h.lines()[h.lines().length - 2]).toMatch(/^\[timeline [\d,]+\/1,030 of 100,000\] filter: ~c 401/);
  expect(rows()).toHaveLength(19);
  await h.press('/');
  await h.type('items/96\\b');
  await h.press(KEYS.enter);
  expect(h.frame()).toMatch(/^>\s*97 .*\/items\/96\?page=5/m);
  for (const line of h.lines()) expect(line.length).toBeLessThanOrEqual(80);
});
