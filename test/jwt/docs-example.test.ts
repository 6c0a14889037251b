// The examples in docs/commands/decode.md are real output; keep them that way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDecoded } from '../../src/jwt/index.js';

const doc = readFileSync(new URL('../../docs/commands/decode.md', import.meta.url), 'utf8');
const DOC_NOW = Date.UTC(2025, 2, 14, 9, 30, 0);

describe('docs/commands/decode.md', () => {
  it('the first example matches real output up to the header block', () => {
    const match = /\$ trace-audit decode (\S+)\n([\s\S]*?)\nHeader\n/.exec(doc);
    expect(match).not.toBeNull();
    const [, token = '', shown = ''] = match ?? [];
    const real = formatDecoded(token, { showSecrets: false, now: DOC_NOW, color: false });
    expect(real.startsWith(`${shown}\nHeader\n`)).toBe(true);
  });
});
