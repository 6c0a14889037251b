// The examples in docs/commands/explain.md are real output; keep them that way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explain, formatExplanation } from '../../src/catalog/index.js';

const doc = readFileSync(new URL('../../docs/commands/explain.md', import.meta.url), 'utf8');

describe('docs/commands/explain.md', () => {
  const examples = [...doc.matchAll(/```\n\$ trace-audit explain (\S+)\n([\s\S]*?)```/g)];
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });
  it.each(examples.map((m) => [m[1] ?? '', m[2] ?? '']))('%s matches real output', (code, shown) => {
    const result = explain(code);
    expect(result).toBeDefined();
    if (result) expect(formatExplanation(result, { color: false })).toBe(shown);
  });
});
