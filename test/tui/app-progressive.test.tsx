import { cleanup, render } from 'ink-testing-library';
import { createElement } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { App } from '../../src/tui/components/App.js';
import type { TuiProgress } from '../../src/tui/index.js';
import { fixtureOptions, makeSignInData } from './fixtures.js';
import { KEYS, waitFor } from './harness.js';

afterEach(() => cleanup());

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Input listeners attach in effects that run just after a screen's first frame. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The app with a loader the test drives: progress reports with entries read so far, then the result. */
function loadingApp(inputNames = ['session.har']) {
  const data = makeSignInData();
  let report: (p: TuiProgress) => void = () => {};
  let finish: () => void = () => {};
  const options = fixtureOptions(data, {
    inputNames,
    load: (onProgress) =>
      new Promise((resolve) => {
        report = onProgress;
        finish = () => resolve(data);
      }),
  });
  const instance = render(createElement(App, { options, size: { columns: 100, rows: 24 }, onExit: () => {} }));
  const frame = () => instance.lastFrame() ?? '';
  const press = async (key: string) => {
    instance.stdin.write(key);
    await tick();
    await tick();
  };
  return { data, frame, press, report: (p: TuiProgress) => report(p), finish: () => finish(), options };
}

describe('the timeline while the trace is still loading', () => {
  test('entries read so far show at once, with the reading progress; findings and tokens come at the end', async () => {
    const app = loadingApp();
    await waitFor(() => app.frame().includes('trace-audit'), 'the loading screen');
    const first = app.data.entries.slice(0, 12);
    app.report({ bytesRead: 25, totalBytes: 100, entries: first.length, phase: 'reading', partial: first });
    await waitFor(() => app.frame().includes('[timeline 1/12]'), 'the partial timeline');
    expect(app.frame()).toMatch(/^trace-audit session\.har · 12 entries so far · reading 25%$/m);
    expect(app.frame()).toMatch(/^\[timeline 1\/12\] reading 25%/m);
    expect(app.frame()).not.toMatch(/E\d+ W\d+ i\d+/);

    await new Promise((resolve) => setTimeout(resolve, 120));
    app.report({ bytesRead: 100, totalBytes: 100, entries: app.data.entries.length, phase: 'analyzing', partial: app.data.entries });
    await waitFor(() => app.frame().includes(`[timeline 1/${app.data.entries.length}] analyzing…`), 'the analyzing phase on the timeline');

    app.finish();
    await waitFor(() => !app.frame().includes('analyzing'), 'the finished timeline');
    expect(app.frame()).toMatch(/trace-audit session\.har · \d+ entries · 6 tokens · E\d+ W\d+ i\d+/);
  });

  test('the selection made while loading is kept when analysis ends', async () => {
    const app = loadingApp();
    await waitFor(() => app.frame().includes('trace-audit'), 'the loading screen');
    app.report({ bytesRead: 50, totalBytes: 100, entries: app.data.entries.length, phase: 'reading', partial: app.data.entries });
    await waitFor(() => app.frame().includes('[timeline 1/'), 'the partial timeline');
    await settle();
    await app.press('j');
    await app.press('j');
    await waitFor(() => app.frame().includes('[timeline 3/'), 'the third row selected');
    app.finish();
    await waitFor(() => /tokens · E/.test(app.frame()), 'the finished timeline');
    expect(app.frame()).toContain('[timeline 3/');
  });

  test('findings, tokens and export wait for analysis, and say so', async () => {
    const app = loadingApp();
    await waitFor(() => app.frame().includes('trace-audit'), 'the loading screen');
    app.report({ bytesRead: 50, totalBytes: 100, entries: 5, phase: 'reading', partial: app.data.entries.slice(0, 5) });
    await waitFor(() => app.frame().includes('[timeline 1/5]'), 'the partial timeline');
    await settle();
    await app.press('F');
    expect(app.frame()).toContain('The trace is still loading: findings appear when analysis ends.');
    expect(app.frame()).not.toContain('No findings');
    await app.press('q');
    await app.press('T');
    expect(app.frame()).toContain('The trace is still loading: tokens appear when analysis ends.');
    await app.press('q');
    await app.press('e');
    await app.press(KEYS.enter);
    await waitFor(() => app.frame().includes('export failed'), 'the refused export');
    expect(app.frame()).toContain('export failed: the trace is still loading; export when analysis has ended');
    expect(app.options.exports).toEqual([]);

    app.finish();
    await waitFor(() => /tokens · E/.test(app.frame()), 'the finished timeline');
    await settle();
    await app.press('F');
    expect(app.frame()).not.toContain('still loading');
    expect(app.frame()).toMatch(/\[findings 1\/\d+\]/);
  });
});
