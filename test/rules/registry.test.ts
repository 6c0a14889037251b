import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS } from '../../src/rules/index.js';

describe('rule registry', () => {
  it('registers every rule id of the contract exactly once', () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(RULE_IDS.map((id) => ({ id })))('$id has a doc and a test table', ({ id }) => {
    const doc = new URL(`../../docs/rules/${id}.md`, import.meta.url);
    const test = new URL(`./${id}.test.ts`, import.meta.url);
    expect(existsSync(doc), `docs/rules/${id}.md`).toBe(true);
    expect(existsSync(test), `test/rules/${id}.test.ts`).toBe(true);
    expect(readFileSync(doc, 'utf8')).toMatch(new RegExp(`^# ${id}`));
    // A table: cases run through it.each / describe.each, a `cases` array, or at least three it() cases.
    const source = readFileSync(test, 'utf8');
    const table =
      /\b(it|describe|test)\.each\b/.test(source) ||
      /\bconst\s+\w*cases\w*\s*(:[^=]+)?=\s*\[/i.test(source) ||
      (source.match(/\bit\(/g) ?? []).length >= 3;
    expect(table, `test/rules/${id}.test.ts has no table of cases`).toBe(true);
  });

  it('rules have a description and a default severity', () => {
    for (const r of RULES) {
      expect(r.meta.description).not.toMatch(/not implemented/);
      expect(['error', 'warning', 'info']).toContain(r.meta.defaultSeverity);
    }
  });
});
