import { describe, expect, test } from 'vitest';
import { computeLayout, fitCell } from '../../src/tui/layout/columns.js';
import { formatHeader, formatRow } from '../../src/tui/layout/row-format.js';
import { moveSelection, scrollText, visibleRange, windowTop } from '../../src/tui/layout/virtual-window.js';
import { cellsOf } from '../../src/tui/model/row-cells.js';
import { buildTimeline } from '../../src/tui/model/timeline.js';
import { lineText, lineWidth } from '../../src/tui/text/styled.js';
import { columnStats } from '../../src/tui/views/timeline-screen.js';
import { makeSignInData } from './fixtures.js';

describe('virtual window', () => {
  test('keeps the selection visible, scrolling as little as possible', () => {
    expect(windowTop(5, 0, 10, 100)).toBe(0);
    expect(windowTop(10, 0, 10, 100)).toBe(1);
    expect(windowTop(3, 8, 10, 100)).toBe(3);
    expect(windowTop(99, 0, 10, 100)).toBe(90);
    expect(windowTop(0, 50, 10, 5)).toBe(0);
  });
  test('moves clamp at both ends; pages turn the window with the selection', () => {
    const start = { selected: 0, top: 0 };
    expect(moveSelection(start, 'up', 100, 10)).toEqual({ selected: 0, top: 0 });
    expect(moveSelection(start, 'pageDown', 100, 10)).toEqual({ selected: 10, top: 10 });
    expect(moveSelection({ selected: 10, top: 10 }, 'pageUp', 100, 10)).toEqual({ selected: 0, top: 0 });
    expect(moveSelection(start, 'bottom', 100, 10)).toEqual({ selected: 99, top: 90 });
    expect(moveSelection({ selected: 99, top: 90 }, 'down', 100, 10)).toEqual({ selected: 99, top: 90 });
    expect(moveSelection(start, 'down', 0, 10)).toEqual({ selected: 0, top: 0 });
  });
  test('visible range never exceeds the height, whatever the list length', () => {
    expect(visibleRange({ selected: 50_000, top: 0 }, 19, 100_000)).toEqual({ start: 49_982, end: 50_001 });
    expect(visibleRange({ selected: 2, top: 0 }, 19, 3)).toEqual({ start: 0, end: 3 });
  });
  test('text panes scroll within their length', () => {
    expect(scrollText(0, 'up', 50, 10)).toBe(0);
    expect(scrollText(0, 'bottom', 50, 10)).toBe(40);
    expect(scrollText(38, 'pageDown', 50, 10)).toBe(40);
    expect(scrollText(0, 'down', 5, 10)).toBe(0);
  });
});

describe('columns', () => {
  const stats = { numWidth: 3, offsetWidth: 7, hostWidth: 25 };
  test.each([80, 100, 132, 60, 40])('rows fill exactly %i columns', (width) => {
    expect(computeLayout(width, stats).width).toBe(width);
  });
  test('narrow terminals drop duration, then size, then time, before squeezing the path', () => {
    const ids = (w: number) => computeLayout(w, stats).columns.map((c) => c.id);
    expect(ids(80)).toContain('duration');
    expect(ids(50)).not.toContain('duration');
    expect(ids(40)).not.toContain('size');
    expect(ids(40)).toContain('path');
  });
  test('cells pad or cut with a visible ellipsis', () => {
    expect(fitCell('GET', 4, 'left')).toBe('GET ');
    expect(fitCell('401', 5, 'right')).toBe('  401');
    expect(fitCell('OPTIONS', 4, 'left')).toBe('OPT…');
  });
});

describe('row formatting', () => {
  const model = buildTimeline(makeSignInData());
  const layout = computeLayout(80, columnStats(model));
  const row = (index: number) => model.rows.find((r) => r.entry.index === index)!;
  const text = (index: number, selected = false) => lineText(formatRow(cellsOf(row(index), model, { showSecrets: false }), layout, selected));

  test('every row and the header are exactly the layout width', () => {
    for (const r of model.rows) expect(lineWidth(formatRow(cellsOf(r, model, { showSecrets: false }), layout, false))).toBe(80);
    expect(lineWidth(formatHeader(layout))).toBe(80);
  });
  test('a refused bearer shows X, an issuing response I, a finding its severity letter', () => {
    expect(text(23)).toMatch(/ 401 .* X E\s*$/);
    expect(text(22)).toMatch(/ 200 .* IS\s*$/);
    expect(text(30)).toMatch(/ W\s*$/);
    expect(text(10)).toMatch(/ S i\s*$/);
  });
  test('selection reads without colour: a ">" in the first column', () => {
    expect(text(1, true).startsWith('>')).toBe(true);
    expect(text(1, false).startsWith(' ')).toBe(true);
  });
  test('time is relative to the first entry; ties keep file order', () => {
    expect(text(1)).toMatch(/^\s+1\s+0\.000 GET /);
    const order = model.rows.map((r) => r.entry.index);
    expect(order.indexOf(10)).toBe(order.indexOf(11) - 1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
  test('paths shorten GUIDs and never show secrets', () => {
    expect(text(8)).toContain('/8c1e…/oauth2');
    expect(cellsOf(row(7), model, { showSecrets: false }).searchText).toContain('code=%5Bredacted%5D');
  });
});
