import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { fixtureOptions, makeSignInData } from './fixtures.js';
import { KEYS, renderApp, waitFor, type Harness } from './harness.js';

afterEach(() => cleanup());

const selectedRow = (h: Harness) => h.lines().find((l) => l.startsWith('>')) ?? '';
const selectedIndex = (h: Harness) => Number(/^>\s*(\d+)/.exec(selectedRow(h))?.[1]);
const statusBar = (h: Harness) => h.lines()[h.lines().length - 2] ?? '';

async function start(): Promise<Harness> {
  return renderApp(fixtureOptions(makeSignInData()));
}

describe('timeline', () => {
  test('80×24: 23 lines (Ink never scrolls the terminal), none wider than 80', async () => {
    const h = await start();
    expect(h.lines()).toHaveLength(23);
    for (const line of h.lines()) expect(line.length).toBeLessThanOrEqual(80);
    expect(h.lines()[0]).toMatch(/^trace-audit session\.har · 40 entries · 6 tokens · E1 W1 i1/);
    expect(h.lines()[1]).toMatch(/#\s+time meth\s+host\s+path\s+sta\s+size\s+dur au fnd/);
    expect(statusBar(h)).toMatch(/^\[timeline 1\/40\]/);
  });

  test('j/k, arrows, g/G, page keys move the selection and the window follows', async () => {
    const h = await start();
    await h.press('j', 'j', KEYS.down);
    expect(selectedIndex(h)).toBe(4);
    await h.press('k', KEYS.up);
    expect(selectedIndex(h)).toBe(2);
    await h.press('G');
    expect(selectedIndex(h)).toBe(40);
    expect(statusBar(h)).toMatch(/^\[timeline 40\/40\]/);
    expect(h.lines()[2]).toMatch(/^\s+22 /); // last page: rows 22..40
    await h.press('g');
    expect(selectedIndex(h)).toBe(1);
    await h.press(' ');
    expect(selectedIndex(h)).toBe(20);
    await h.press(KEYS.pageDown);
    expect(selectedIndex(h)).toBe(39);
    await h.press(KEYS.pageUp);
    expect(selectedIndex(h)).toBe(20);
    for (const line of h.lines()) expect(line.length).toBeLessThanOrEqual(80);
  });

  test('a held-down key arriving as one chunk moves once per character', async () => {
    const h = await start();
    await h.press('jjjj');
    expect(selectedIndex(h)).toBe(5);
    await h.press('kkG');
    expect(selectedIndex(h)).toBe(40);
  });

  test('q in the timeline quits at once', async () => {
    const h = await start();
    await h.press('q');
    expect(h.exits).toEqual([undefined]);
  });

  test('resize: the frame follows the terminal size', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()), null);
    const out = h.stdout as unknown as { columns: number; rows: number; emit(e: string): boolean };
    Object.defineProperty(out, 'columns', { value: 60, configurable: true });
    Object.defineProperty(out, 'rows', { value: 12, configurable: true });
    out.emit('resize');
    await waitFor(() => h.lines().length === 11, 'the smaller frame');
    for (const line of h.lines()) expect(line.length).toBeLessThanOrEqual(60);
    Object.defineProperty(out, 'columns', { value: 120, configurable: true });
    Object.defineProperty(out, 'rows', { value: 40, configurable: true });
    out.emit('resize');
    await waitFor(() => h.lines().length === 39, 'the larger frame');
    expect(Math.max(...h.lines().map((l) => l.length))).toBe(120);
  });
});

describe('detail view', () => {
  test('enter opens the selected entry; tab, shift-tab and 1-4 switch tabs; q and esc go back', async () => {
    const h = await start();
    await h.press('G', 'k', 'k', KEYS.enter); // #38
    expect(h.lines()[1]).toMatch(/\[1 Request\]\s+2 Response\s+3 Tokens \(1\)\s+4 Findings \(0\)/);
    expect(h.lines()[2]).toMatch(/^GET https:\/\/api\.contoso\.com\/orders\/46/);
    expect(statusBar(h)).toMatch(/^\[#38 GET api\.contoso\.com\/orders\/46 200 · Request\]/);
    await h.press(KEYS.tab);
    expect(statusBar(h)).toContain('· Response]');
    expect(h.frame()).toMatch(/^200 · HTTP\/2 · 120ms$/m);
    await h.press(KEYS.shiftTab, KEYS.shiftTab);
    expect(statusBar(h)).toContain('· Findings]');
    expect(h.frame()).toContain('No finding names this entry.');
    await h.press('3');
    expect(statusBar(h)).toMatch(/· Tokens 1-19\/31\]/);
    await h.press('q');
    expect(statusBar(h)).toMatch(/^\[timeline 38\/40\]/);
    await h.press(KEYS.enter, KEYS.esc);
    expect(statusBar(h)).toMatch(/^\[timeline 38\/40\]/);
    expect(h.exits).toEqual([]);
  });

  test('j/k and page keys scroll long content', async () => {
    const h = await start();
    await h.press('j', 'j', 'j', 'j', 'j', 'j', 'j', KEYS.enter, '3'); // #8: three tokens issued
    const first = h.lines()[2];
    expect(first).toMatch(/^Token [0-9a-f]{12} · access · JWS · RS256 · kid oldkid/);
    await h.press('j');
    expect(h.lines()[2]).not.toBe(first);
    await h.press('G');
    const bottom = h.lines()[2];
    await h.press('j');
    expect(h.lines()[2]).toBe(bottom);
    await h.press('g');
    expect(h.lines()[2]).toBe(first);
  });
});

describe('help', () => {
  test('? shows every key from the table; ? again or q closes it', async () => {
    const h = await start();
    await h.press('?');
    expect(statusBar(h)).toMatch(/^\[help\]/);
    expect(h.frame()).toContain('Moving (every list and pane)');
    expect(h.frame()).toMatch(/j, Down\s+next row \/ scroll down/);
    await h.press('G');
    expect(h.frame()).toContain('~sev level');
    await h.press('?');
    expect(statusBar(h)).toMatch(/^\[timeline/);
    await h.press('?', 'q');
    expect(statusBar(h)).toMatch(/^\[timeline/);
    expect(h.exits).toEqual([]);
  });
});
