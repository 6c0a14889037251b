import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildFilter, FILTERS } from '../../src/tui/filter/index.js';
import { KEY_BINDINGS } from '../../src/tui/keys/bindings.js';

const doc = readFileSync(fileURLToPath(new URL('../../docs/tui.md', import.meta.url)), 'utf8');
const unescaped = doc.replace(/\\\|/g, '|');

describe('docs/tui.md stays in step with the code', () => {
  test('every key binding is documented', () => {
    for (const b of KEY_BINDINGS) expect(unescaped, b.help).toContain(`| ${b.help} |`);
  });
  test('every filter is documented', () => {
    for (const f of FILTERS) expect(unescaped, f.usage).toContain(`\`${f.usage}\``);
  });
  test('every example filter parses', () => {
    const examples = doc.slice(doc.indexOf('Examples:'), doc.indexOf('## Search'));
    const filters = [...examples.matchAll(/^\| `(.+?)` \|/gm)].map((m) => m[1]!.replace(/\\\|/g, '|'));
    expect(filters.length).toBeGreaterThan(5);
    for (const f of filters) expect(buildFilter(f), f).toMatchObject({ ok: true });
  });
});
