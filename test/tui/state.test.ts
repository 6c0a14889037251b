import { describe, expect, test } from 'vitest';
import { applyEditKey, editOf, insertText, renderEdit } from '../../src/tui/state/line-edit.js';
import { reduce } from '../../src/tui/state/reducer.js';
import { currentView, initialState } from '../../src/tui/state/ui-state.js';

describe('reducer', () => {
  test('views stack; back pops; showing a view already open returns to it', () => {
    let s = reduce(initialState(), { type: 'show', view: 'findings' });
    s = reduce(s, { type: 'openDetail', row: 5, height: 19 });
    expect(s.stack).toEqual(['timeline', 'findings', 'detail']);
    s = reduce(s, { type: 'show', view: 'findings' });
    expect(s.stack).toEqual(['timeline', 'findings']);
    s = reduce(reduce(s, { type: 'back' }), { type: 'back' });
    expect(s.stack).toEqual(['timeline']);
  });
  test('? toggles help', () => {
    const s = reduce(initialState(), { type: 'show', view: 'help' });
    expect(currentView(s)).toBe('help');
    expect(currentView(reduce(s, { type: 'show', view: 'help' }))).toBe('timeline');
  });
  test('moves act on the current view only', () => {
    let s = reduce(initialState(), { type: 'move', motion: 'down', count: 40, height: 19 });
    expect(s.timeline.selected).toBe(1);
    s = reduce(reduce(s, { type: 'show', view: 'tokens' }), { type: 'move', motion: 'bottom', count: 6, height: 3 });
    expect(s.tokens).toEqual({ selected: 5, top: 3 });
    expect(s.timeline.selected).toBe(1);
  });
  test('tabs cycle both ways and reset the scroll', () => {
    let s = reduce(initialState(), { type: 'openDetail', row: 0, height: 19 });
    s = reduce(s, { type: 'move', motion: 'down', count: 100, height: 18 });
    expect(s.detail.scroll).toBe(1);
    s = reduce(s, { type: 'cycleTab', delta: -1 });
    expect(s.detail).toMatchObject({ tab: 3, scroll: 0 });
    expect(reduce(s, { type: 'cycleTab', delta: 1 }).detail.tab).toBe(0);
  });
  test('export prompt: tab switches kind and default path until the user edits it', () => {
    const paths = (k: string) => `/out/report.${k}`;
    let s = reduce(initialState(), { type: 'openPrompt', kind: 'export', text: paths('json'), exportKind: 'json' });
    s = reduce(s, { type: 'toggleExportKind', defaultPath: paths });
    expect(s.prompt).toMatchObject({ exportKind: 'markdown', edit: { text: '/out/report.markdown' } });
    s = reduce(s, { type: 'insert', text: 'x' });
    s = reduce(s, { type: 'toggleExportKind', defaultPath: paths });
    expect(s.prompt).toMatchObject({ exportKind: 'json', edit: { text: '/out/report.markdownx' } });
  });
  test('a message lasts until the next event', () => {
    let s = reduce(initialState(), { type: 'message', text: 'wrote it', tone: 'info' });
    expect(s.message?.text).toBe('wrote it');
    s = reduce(s, { type: 'move', motion: 'down', count: 3, height: 3 });
    expect(s.message).toBeUndefined();
  });
  test('prompt errors clear as soon as the user edits', () => {
    let s = reduce(initialState(), { type: 'openPrompt', kind: 'filter', text: '~u (' });
    s = reduce(s, { type: 'promptError', error: 'bad' });
    expect(s.prompt?.error).toBe('bad');
    expect(reduce(s, { type: 'editKey', key: 'backspace' }).prompt?.error).toBeUndefined();
  });
});

describe('line editing', () => {
  test('insert at the cursor, move, delete, kill', () => {
    let e = insertText(editOf('~u'), ' login');
    expect(e).toEqual({ text: '~u login', cursor: 8 });
    e = applyEditKey(applyEditKey(e, 'home'), 'right');
    e = insertText(e, 'X');
    expect(e).toEqual({ text: '~Xu login', cursor: 2 });
    expect(applyEditKey(e, 'backspace')).toEqual({ text: '~u login', cursor: 1 });
    expect(applyEditKey(applyEditKey(e, 'end'), 'killWord')).toEqual({ text: '~Xu ', cursor: 4 });
    expect(applyEditKey(e, 'killLine')).toEqual({ text: '', cursor: 0 });
  });
  test('control characters from a paste never enter the field', () => {
    expect(insertText(editOf(''), 'a\u001b[31mb\r\n').text).toBe('a[31mb');
  });
  test('long fields scroll to keep the cursor visible', () => {
    const view = renderEdit(editOf('x'.repeat(30) + 'END'), 10);
    expect(view.before + view.atCursor + view.after).toHaveLength(10);
    expect(view.before.endsWith('END')).toBe(true);
  });
});
