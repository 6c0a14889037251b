import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTrace, sniffFormat } from '../../src/ingest/index.js';

const FIXTURE = new URL('../fixtures/har/chrome.har', import.meta.url);

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  if (order === 'le') return le;
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

async function drain(path: string) {
  const reader = await openTrace(path, { input: 0 });
  const urls: string[] = [];
  for await (const e of reader.entries()) urls.push(e.request.url);
  return { urls, info: reader.info };
}

describe('HAR saved as UTF-16', () => {
  it.each([
    ['UTF-16LE with BOM', 'le', true, 'har-utf16le'],
    ['UTF-16BE with BOM', 'be', true, 'har-utf16be'],
    ['UTF-16LE without BOM', 'le', false, 'har-utf16le'],
  ] as const)('%s reads like the UTF-8 original', async (_name, order, bom, kind) => {
    const original = readFileSync(FIXTURE, 'utf8');
    const bytes = utf16(original.replace(/^\uFEFF/, ''), order, bom);
    const path = join(mkdtempSync(join(tmpdir(), 'ta-utf16-')), 'session.har');
    writeFileSync(path, bytes);
    expect(await sniffFormat(path)).toBe(kind);
    const want = await drain(FIXTURE.pathname);
    const got = await drain(path);
    expect(got.urls).toEqual(want.urls);
    expect(got.info.path).toBe(path);
    expect(got.info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
