import { describe, expect, test } from 'vitest';
import { KEY_BINDINGS, resolveAction } from '../../src/tui/keys/bindings.js';
import { helpLines, keyLabel } from '../../src/tui/keys/help-lines.js';
import { keyName } from '../../src/tui/keys/key-name.js';
import { compileSearch, findNext } from '../../src/tui/search/find.js';
import { lineText } from '../../src/tui/text/styled.js';

describe('key names', () => {
  test.each([
    ['j', {}, 'j'],
    ['G', { shift: true }, 'G'],
    [' ', {}, 'space'],
    ['', { pageDown: true }, 'pagedown'],
    ['', { tab: true, shift: true }, 'shift+tab'],
    ['', { delete: true }, 'backspace'],
    ['u', { ctrl: true }, 'ctrl+u'],
    ['\r', { return: true }, 'enter'],
    ['', { escape: true, meta: true }, 'esc'],
  ])('%j %j → %s', (input, flags, name) => expect(keyName(input, flags)).toBe(name));
});

describe('binding table', () => {
  test('q quits from the timeline and goes back elsewhere', () => {
    expect(resolveAction('timeline', 'q')).toBe('quit');
    for (const view of ['detail', 'findings', 'tokens', 'help'] as const) {
      expect(resolveAction(view, 'q')).toBe('back');
      expect(resolveAction(view, 'esc')).toBe('back');
    }
  });
  test('global keys work in every view, but not while typing in a prompt', () => {
    expect(resolveAction('detail', 'F')).toBe('findings');
    expect(resolveAction('tokens', '?')).toBe('help');
    expect(resolveAction('prompt', 'F')).toBeUndefined();
    expect(resolveAction('prompt', 'enter')).toBe('submit');
  });
  test('no key is bound twice in the same scope', () => {
    const seen = new Set<string>();
    for (const b of KEY_BINDINGS) {
      for (const scope of b.scopes) {
        for (const key of b.keys) {
          const id = `${scope}:${key}`;
          expect(seen.has(id), id).toBe(false);
          seen.add(id);
        }
      }
    }
  });
  test('the help screen lists every binding of the table', () => {
    const help = helpLines().map(lineText).join('\n');
    for (const b of KEY_BINDINGS) {
      expect(help).toContain(b.help);
      expect(help).toContain(b.keys.map(keyLabel).join(', '));
    }
    expect(help).toContain('~aadsts [code]');
  });
});

describe('search', () => {
  const rows = ['GET /a', 'POST /token', 'GET /b', 'POST /token?x'];
  const re = (p: string) => {
    const c = compileSearch(p);
    if (!c.ok) throw new Error(c.error);
    return c.regex;
  };
  test('next and previous wrap around once and say so', () => {
    expect(findNext(4, 0, 1, re('token'), (i) => rows[i]!)).toEqual({ position: 1, wrapped: false });
    expect(findNext(4, 3, 1, re('token'), (i) => rows[i]!)).toEqual({ position: 1, wrapped: true });
    expect(findNext(4, 1, -1, re('TOKEN'), (i) => rows[i]!)).toEqual({ position: 3, wrapped: true });
    expect(findNext(4, 0, 1, re('nothing'), (i) => rows[i]!)).toBeUndefined();
  });
  test('a lone match found from itself counts as wrapped', () => {
    expect(findNext(4, 2, 1, re('/b'), (i) => rows[i]!)).toEqual({ position: 2, wrapped: true });
  });
  test('invalid regexes are reported, not thrown', () => {
    expect(compileSearch('(')).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid regex/) });
    expect(compileSearch('')).toEqual({ ok: false, error: 'empty search' });
  });
});
