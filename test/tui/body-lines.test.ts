import { describe, expect, test } from 'vitest';
import { BodyCache, immediateContent } from '../../src/tui/body/body-cache.js';
import { bodyLines, MAX_BODY_LINES } from '../../src/tui/detail/body-lines.js';
import { hexDump, looksBinary, maskTokens } from '../../src/tui/detail/hex-dump.js';
import { lineText } from '../../src/tui/text/styled.js';
import { AT1, RT1 } from './fixtures.js';
import type { BodyRef } from '../../src/model/index.js';

const show = (ref: BodyRef | undefined, content: Parameters<typeof bodyLines>[1], showSecrets = false) =>
  bodyLines(ref, content, { showSecrets }).map(lineText);

describe('body display', () => {
  test('JSON is pretty-printed and token fields redacted', () => {
    const text = JSON.stringify({ access_token: AT1, refresh_token: RT1, expires_in: 3599 });
    const lines = show({ size: text.length, mimeType: 'application/json', text }, { kind: 'text', text });
    expect(lines[0]).toBe('Body · application/json · 1.0 kB');
    expect(lines).toContain('  "expires_in": 3599');
    expect(lines.join('\n')).not.toContain(AT1);
    expect(lines.join('\n')).not.toContain(RT1);
    expect(lines.join('\n')).toMatch(/"access_token": "\[jwt [0-9a-f]{12}\]"/);
  });
  test('with showSecrets the values stay', () => {
    const text = JSON.stringify({ refresh_token: RT1 });
    expect(show(undefined, { kind: 'text', text }, true).join('\n')).toContain(RT1);
  });
  test('forms show one field per line, decoded, secrets redacted', () => {
    const text = `grant_type=refresh_token&refresh_token=${encodeURIComponent(RT1)}&scope=a%20b`;
    const lines = show({ size: text.length, mimeType: 'application/x-www-form-urlencoded', text }, { kind: 'text', text });
    expect(lines.slice(1)).toEqual(['grant_type: refresh_token', 'refresh_token: [redacted]', 'scope: a b']);
  });
  test('binary bytes become a hex dump with tokens masked in the ASCII column', () => {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), Buffer.from(` ${AT1} `)]);
    expect(looksBinary(bytes)).toBe(true);
    const lines = show({ size: bytes.length, mimeType: 'image/png', binary: true }, { kind: 'bytes', bytes });
    expect(lines[1]).toMatch(/^00000000  89 50 4e 47 00 01 02 20 {2}2a 2a 2a 2a 2a 2a 2a 2a {2}\|\.PNG\.\.\. \*{8}\|$/);
    expect(lines.join('')).not.toContain(AT1.slice(0, 16));
    expect(maskTokens(Buffer.from('x')).length).toBe(1);
  });
  test('hex dumps are bounded', () => {
    const dump = hexDump(Buffer.alloc(100_000), 1024);
    expect(dump).toHaveLength(65);
    expect(dump[64]).toBe('… 98976 more bytes not shown');
  });
  test('states: absent, loading, unavailable, fragments, read error', () => {
    expect(show(undefined, { kind: 'absent' })[1]).toBe('(no body)');
    expect(show(undefined, { kind: 'loading' })[1]).toBe('loading…');
    expect(show(undefined, { kind: 'unavailable', reason: 'not-saved' })[1]).toBe('(body not available: not-saved)');
    expect(show(undefined, { kind: 'fragments', fragments: [`x ${AT1} AADSTS50011`] })[2]).toMatch(/^x \[jwt [0-9a-f]{12}\] AADSTS50011$/);
    expect(show(undefined, { kind: 'error', message: 'EACCES: permission denied\nstack' })[1]).toBe('could not read the body: EACCES: permission denied·stack');
  });
  test('huge text is bounded in lines', () => {
    const text = 'line\n'.repeat(MAX_BODY_LINES * 2);
    const lines = show({ size: text.length, mimeType: 'text/plain', text }, { kind: 'text', text });
    expect(lines.length).toBe(MAX_BODY_LINES + 2);
    expect(lines[lines.length - 1]).toMatch(/more lines not shown$/);
  });
});

describe('lazy bodies', () => {
  test('text in memory needs no read; a location does; nothing at all is "unavailable"', () => {
    expect(immediateContent({ size: 2, mimeType: 'text/plain', text: 'ok' })).toEqual({ kind: 'text', text: 'ok' });
    expect(immediateContent({ size: 9, mimeType: 'x', location: { kind: 'file', path: '/x', base64: false } })).toBeUndefined();
    expect(immediateContent({ size: 9, mimeType: 'x', problem: 'not-saved' })).toEqual({ kind: 'unavailable', reason: 'not-saved' });
  });
  test('the cache keeps a few recent bodies and forgets failures', async () => {
    let reads = 0;
    const cache = new BodyCache(async (ref) => {
      reads++;
      if (ref.mimeType === 'fail') throw new Error('gone');
      return Buffer.from(ref.mimeType);
    }, 2);
    const refs = ['a', 'b', 'c'].map((m) => ({ size: 1, mimeType: m }));
    await cache.get(refs[0]!);
    await cache.get(refs[0]!);
    expect(reads).toBe(1);
    await cache.get(refs[1]!);
    await cache.get(refs[2]!);
    expect(cache.size).toBe(2);
    await cache.get(refs[0]!);
    expect(reads).toBe(4);
    const failing = { size: 1, mimeType: 'fail' };
    await expect(cache.get(failing)).rejects.toThrow('gone');
    await expect(cache.get(failing)).rejects.toThrow('gone');
    expect(reads).toBe(6);
  });
});
