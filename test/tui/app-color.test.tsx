import { afterEach, describe, expect, test, vi } from 'vitest';

// Colour output depends on the stream; force it on so NO_COLOR is what turns it off.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { cleanup, render } from 'ink-testing-library';
import { App } from '../../src/tui/components/App.js';
import type { TuiProgress } from '../../src/tui/index.js';
import { fixtureOptions, makeSignInData } from './fixtures.js';
import { KEYS, renderApp, waitFor } from './harness.js';

afterEach(() => cleanup());

const ANSI = /\u001b\[/;

describe('colours', () => {
  test('with colours the selection and severities are coloured', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData(), { noColor: false }));
    expect(h.frame()).toMatch(ANSI);
  });

  test('NO_COLOR: no escape sequence on any screen, markers carry the meaning', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData(), { noColor: true }));
    const frames = [h.frame()];
    await h.press('G', 'k', KEYS.enter);
    for (const tab of ['1', '2', '3', '4']) {
      await h.press(tab);
      frames.push(h.frame());
    }
    await h.press('q', 'F');
    frames.push(h.frame());
    await h.press('T');
    frames.push(h.frame());
    await h.press('?');
    frames.push(h.frame());
    await h.press('q', 'q', 'f');
    frames.push(h.frame());
    for (const frame of frames) expect(frame).not.toMatch(ANSI);
    expect(frames[0]).toMatch(/^>\s+1 /m);
    expect(frames[0]).toContain(' E1 W1 i1');
  });
});

describe('loading', () => {
  test('progress (bytes, entries) while reading, then analyzing, then the timeline', async () => {
    let report: (p: TuiProgress) => void = () => {};
    let finish: () => void = () => {};
    const data = makeSignInData();
    const options = fixtureOptions(data, {
      load: (onProgress) =>
        new Promise((resolve) => {
          report = onProgress;
          finish = () => resolve(data);
        }),
    });
    const instance = render(<App options={options} size={{ columns: 80, rows: 24 }} onExit={() => {}} />);
    const frame = () => instance.lastFrame() ?? '';
    await waitFor(() => frame().includes('trace-audit'), 'the loading screen');
    report({ bytesRead: 256 * 1024 * 1024, totalBytes: 1024 * 1024 * 1024, entries: 12345, phase: 'reading' });
    await waitFor(() => frame().includes('entries'), 'progress');
    expect(frame()).toContain('reading  256MB of 1.0GB (25%)');
    expect(frame()).toContain('12,345 entries');
    expect(frame()).toMatch(/\[#{15}\.{43}\]/);
    report({ bytesRead: 1024 ** 3, totalBytes: 1024 ** 3, entries: 40, phase: 'analyzing' });
    await waitFor(() => frame().includes('analyzing'), 'the analyzing phase');
    expect(frame()).toContain('analyzing 40 entries…');
    finish();
    await waitFor(() => frame().includes('[timeline 1/40]'), 'the timeline');
  });

  test('a load error is shown on one line, then the app exits with it', async () => {
    const exits: (Error | undefined)[] = [];
    const options = fixtureOptions(makeSignInData(), { load: async () => Promise.reject(new Error('session.har: not a HAR or SAZ file')) });
    const instance = render(<App options={options} size={{ columns: 80, rows: 24 }} onExit={(e) => exits.push(e)} />);
    await waitFor(() => exits.length > 0, 'the exit');
    expect(instance.lastFrame()).toContain('error: session.har: not a HAR or SAZ file');
    expect(exits[0]?.message).toBe('session.har: not a HAR or SAZ file');
  });
});
