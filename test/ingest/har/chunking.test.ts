import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HarTuning } from '../../../src/ingest/har/index.js';
import { entry, fakeJws, harText, tempDir, writeTemp } from './har-text.js';
import { readAll, type ReadResult } from './read-all.js';

/**
 * Small thresholds so that a few-kilobyte file exercises medium cuts, large
 * streamed strings and scanner windows; every read size must give the same result.
 */
const SMALL: Partial<HarTuning> = {
  mediumStringBytes: 40,
  largeStringBytes: 180,
  scanner: { minWindowBytes: 24, contextBytes: 30 },
};

const token = fakeJws({ aud: 'api://x' });
const tricky = 'quote " backslash \\ slash / tab \t newline \n é 漢 😀 \u0001 end';
const largeText = `${'lorem ipsum '.repeat(12)}{"error":"invalid_grant","error_description":"AADSTS70008: expired"} ${token} ${'dolor '.repeat(12)}`;
const largeBase64 = Buffer.from(`${'x'.repeat(90)} IDX10223: Lifetime validation failed. ${token} ${'y'.repeat(90)}`).toString('base64');

const ENTRIES = [
  entry({
    startedDateTime: '2024-05-01T12:00:00.123456+02:00',
    request: {
      method: 'POST',
      url: `https://login.microsoftonline.com/t/oauth2/v2.0/token?x=${'q'.repeat(50)}`,
      headers: [
        { name: ':authority', value: 'login.microsoftonline.com' },
        { name: 'X-Multi', value: ['a', 'b'] },
        { name: 'X-Number', value: 42 },
        { name: 'X-Tricky', value: tricky },
      ],
      postData: { mimeType: 'application/x-www-form-urlencoded', text: `grant_type=refresh_token&x=${'r'.repeat(60)}` },
    },
    response: { status: 400, content: { size: -1, mimeType: 'application/json', text: largeText } },
  }),
  entry({ response: { content: { size: -1, mimeType: 'application/json', text: largeBase64, encoding: 'base64' } } }),
  entry({ response: { status: -1, _error: 'net::ERR_FAILED', content: { size: 0, mimeType: 'x-unknown' } } }),
  'not an entry',
  entry({ request: { headers: 'oops' }, response: { content: { mimeType: 'text/plain', text: tricky.repeat(2) } } }),
];

let dir: string;
let path: string;
let reference: ReadResult;

beforeAll(async () => {
  dir = tempDir();
  path = writeTemp(dir, 'tiny.har', harText(ENTRIES, { bom: true, creatorLast: true, indent: 1 }));
  reference = await readAll(path, { ...SMALL, chunkBytes: 1 << 20 });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chunk boundaries', () => {
  test('the one-chunk reading is right', () => {
    const { entries, info, warnings } = reference;
    expect(entries).toHaveLength(5);
    expect(info.producer).toBe('Chrome DevTools (WebInspector 537.36)');
    const [first, second, third, fourth, fifth] = entries;
    expect(first!.startedAt).toBeCloseTo(Date.UTC(2024, 4, 1, 10, 0, 0) + 123.456, 3);
    expect(first!.request.url).toBe(`https://login.microsoftonline.com/t/oauth2/v2.0/token?x=${'q'.repeat(50)}`);
    expect(first!.request.headers).toEqual([
      { name: ':authority', value: 'login.microsoftonline.com' },
      { name: 'X-Multi', value: 'a' },
      { name: 'X-Multi', value: 'b' },
      { name: 'X-Number', value: '42' },
      { name: 'X-Tricky', value: tricky },
    ]);
    expect(first!.request.body!.text).toBe(`grant_type=refresh_token&x=${'r'.repeat(60)}`);
    expect(first!.response.body!.text).toBeUndefined();
    expect(first!.response.body!.size).toBe(Buffer.byteLength(largeText));
    expect(first!.response.body!.fragments).toContain(token);
    expect(first!.response.body!.fragments!.some((f) => f.includes('AADSTS70008'))).toBe(true);
    expect(second!.response.body!.fragments).toContain(token);
    expect(second!.response.body!.fragments!.some((f) => f.includes('IDX10223'))).toBe(true);
    expect(third!.response).toMatchObject({ status: 0, error: 'net::ERR_FAILED' });
    expect(fourth!.request).toEqual({ method: '', url: '', httpVersion: '', headers: [] });
    expect(fifth!.response.body!.text).toBe(tricky.repeat(2));
    expect(warnings.map((w) => w.message.replace(`${path}: `, ''))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^entry is not an object \(1 entry\)$/),
        expect.stringMatching(/^request.headers is not an array \(1 entry\)$/),
      ]),
    );
  });

  test('every read size from 1 byte up gives the same entries, info and warnings', async () => {
    const sizes = [...Array.from({ length: 64 }, (_, i) => i + 1), 97, 181, 256, 509, 1000, 2048];
    for (const chunkBytes of sizes) {
      const got = await readAll(path, { ...SMALL, chunkBytes });
      expect(got.entries, `chunkBytes ${chunkBytes}`).toEqual(reference.entries);
      expect(got.info, `chunkBytes ${chunkBytes}`).toEqual(reference.info);
      expect(got.warnings, `chunkBytes ${chunkBytes}`).toEqual(reference.warnings);
    }
  });

  test('default thresholds give the same entries apart from how big bodies are kept', async () => {
    const plain = await readAll(path, { chunkBytes: 7 });
    expect(plain.entries[0]!.response.body!.text).toBe(largeText);
    expect(plain.entries.map((e) => e.request.headers)).toEqual(reference.entries.map((e) => e.request.headers));
  });
});
