import { rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { HeaderInterner, MAX_INTERNED_CHARS } from '../../src/ingest/intern.js';
import { entry, harText, tempDir, writeTemp } from './har/har-text.js';
import { readAll as readHar } from './har/read-all.js';
import { request, response, TempDir } from './saz/saz-builder.js';
import { readAll as readSaz } from './saz/read-entries.js';

describe('HeaderInterner', () => {
  test('equal headers share one object; the first one seen is kept', () => {
    const interner = new HeaderInterner();
    const first = { name: 'accept', value: 'application/json' };
    expect(interner.adopt(first)).toBe(first);
    expect(interner.adopt({ name: 'accept', value: 'application/json' })).toBe(first);
    expect(interner.header('accept', 'application/json')).toBe(first);
    expect(interner.header('Accept', 'application/json')).not.toBe(first);
    expect(interner.header('accept', 'text/html')).toEqual({ name: 'accept', value: 'text/html' });
  });

  test('long values are left alone', () => {
    const interner = new HeaderInterner();
    const long = 'x'.repeat(MAX_INTERNED_CHARS + 1);
    interner.header('cookie', long);
    const again = { name: 'cookie', value: long };
    expect(interner.adopt(again)).toBe(again);
  });

  test('full tables start again empty, and what was shared stays correct', () => {
    const interner = new HeaderInterner(3);
    const a = interner.header('a', '1');
    interner.header('b', '2');
    interner.string('s');
    // The fourth item finds the tables full: they are cleared, the new one is kept.
    const c = interner.header('c', '3');
    expect(interner.header('c', '3')).toBe(c);
    const a2 = interner.header('a', '1');
    expect(a2).not.toBe(a);
    expect(a2).toEqual(a);
    expect(interner.string('s')).toBe('s');
  });
});

const sharedHeaders = { Accept: 'application/json', Authorization: 'Bearer opaque-token-value', 'User-Agent': 'Mozilla/5.0 test' };

describe('readers share repeated headers between entries', () => {
  test('HAR', async () => {
    const dir = tempDir();
    try {
      const headers = Object.entries(sharedHeaders).map(([name, value]) => ({ name, value }));
      const path = writeTemp(dir, 'h.har', harText([entry({ request: { headers } }), entry({ request: { headers: [...headers, { name: 'X-Id', value: '2' }] } })]));
      const { entries } = await readHar(path);
      const [a, b] = entries.map((e) => e.request.headers);
      expect(a).toEqual(headers);
      for (let i = 0; i < headers.length; i++) expect(b![i]).toBe(a![i]);
      expect(b![3]).toEqual({ name: 'X-Id', value: '2' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('SAZ, after folded lines are joined', async () => {
    const dir = await TempDir.create();
    try {
      const head = { Host: 'api.example', ...sharedHeaders };
      const folded = 'GET https://api.example/b HTTP/1.1\r\nHost: api.example\r\nX-Long: one\r\n two\r\n\r\n';
      const path = await dir.writeZip('h.saz', [
        { name: 'raw/1_c.txt', data: request('GET', 'https://api.example/a', head) },
        { name: 'raw/1_s.txt', data: response('204 No Content', { Server: 'test' }) },
        { name: 'raw/2_c.txt', data: request('GET', 'https://api.example/a', head) },
        { name: 'raw/2_s.txt', data: response('204 No Content', { Server: 'test' }) },
        { name: 'raw/3_c.txt', data: folded },
      ]);
      const { entries } = await readSaz(path);
      const [a, b, c] = entries.map((e) => e.request.headers);
      for (let i = 0; i < a!.length; i++) expect(b![i]).toBe(a![i]);
      expect(entries[1]!.response.headers[0]).toBe(entries[0]!.response.headers[0]);
      expect(c![0]).toBe(a![0]);
      expect(c![1]).toEqual({ name: 'X-Long', value: 'one two' });
    } finally {
      await dir.remove();
    }
  });
});
