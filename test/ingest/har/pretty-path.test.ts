import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headerValue } from '../../../src/model/index.js';
import { entry, harText, tempDir, writeTemp } from './har-text.js';
import { readAll } from './read-all.js';

/**
 * Pretty-printed files are read through a line-based fast path whose guesses are
 * checked. Files that break its assumptions (several members on one long line,
 * odd indentation) must read exactly like the strict byte-level path reads them.
 */
const SMALL = { mediumStringBytes: 64, largeStringBytes: 400, scanner: { minWindowBytes: 32, contextBytes: 30 } };

const long = (tag: string, n = 200): string => `${tag}:${'abc "quoted" \\ slash '.repeat(n)}`.slice(0, n);

const plain = (tag: string, n = 200): string => `${tag}:${'abcdefgh '.repeat(n)}`.slice(0, n);
const body = (text: string): Record<string, unknown> => ({ content: { mimeType: 'text/plain', text } });

/** Each odd file: a normal entry, an entry that breaks an assumption, a normal entry. */
const ODD_FILES: [name: string, oddText: string, edit: (text: string) => string][] = [
  ['header object on one long line', long('two'), (t) => t.replace(/\{\n\s*"name": "Cookie",\n\s*"value": ("[^\n]*")\n\s*\}/, '{"name": "Cookie", "value": $1}')],
  ['two members on a line, escaped text', long('odd'), (t) => t.replace(/"mimeType": "text\/plain",\n\s*("text": "odd:)/, '"mimeType": "text/plain", $1')],
  ['two members on a line, plain text', plain('odd'), (t) => t.replace(/"mimeType": "text\/plain",\n\s*("text": "odd:)/, '"mimeType": "text/plain", $1')],
  ['two members on a line, large text', long('odd', 1000), (t) => t.replace(/"mimeType": "text\/plain",\n\s*("text": "odd:)/, '"mimeType": "text/plain", $1')],
  ['an entry indented differently', long('odd'), (t) => t.replace(/\n(\s*)\{\n(\s*)"startedDateTime": "2024-05-01T10:00:00.124Z"/, '\n$1 {\n$2"startedDateTime": "2024-05-01T10:00:00.124Z"')],
];

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pretty-print fast path', () => {
  test.each(ODD_FILES)('%s: read right, exactly like the strict path', async (name, oddText, edit) => {
    const entries = [
      entry({ request: { url: `https://a.example/${'p'.repeat(100)}` }, response: body(long('one')) }),
      entry({ startedDateTime: '2024-05-01T10:00:00.124Z', request: { headers: [{ name: 'Cookie', value: long('cookie') }] }, response: body(oddText) }),
      entry({ response: body(plain('three')) }),
    ];
    const original = harText(entries, { indent: 2 });
    const text = edit(original);
    expect(text, 'the edit applies').not.toBe(original);
    const path = writeTemp(dir, `${name.replace(/\W+/g, '-')}.har`, text);
    const truth = JSON.parse(text).log.entries as { request: { url: string; headers: unknown[] }; response: { content: { text: string } } }[];
    const fast = await readAll(path, { ...SMALL, chunkBytes: 1 << 20 });
    const strict = await readAll(path, { ...SMALL, chunkBytes: 5 });
    expect(fast.entries).toEqual(strict.entries);
    expect(fast.warnings).toEqual(strict.warnings);
    expect(fast.entries).toHaveLength(3);
    fast.entries.forEach((e, i) => {
      expect(e.request.url).toBe(truth[i]!.request.url);
      expect(e.request.headers).toEqual(truth[i]!.request.headers);
      const want = truth[i]!.response.content.text;
      if (want.length <= SMALL.largeStringBytes) expect(e.response.body!.text).toBe(want);
      else expect([e.response.body!.size, e.response.body!.text]).toEqual([want.length, undefined]);
    });
    expect(headerValue(fast.entries[1]!.request.headers, 'cookie')).toBe(long('cookie'));
  });
  test('CRLF line ends and tab indentation', async () => {
    const text = harText([entry({ response: { content: { mimeType: 'text/plain', text: long('crlf') } } }), entry()], { indent: '\t' as never })
      .replace(/\n/g, '\r\n');
    const p = writeTemp(dir, 'crlf.har', text);
    expect(text).toContain('\r\n\t\t\t{');
    const fast = await readAll(p, { ...SMALL, chunkBytes: 1 << 20 });
    const strict = await readAll(p, { ...SMALL, chunkBytes: 3 });
    expect(fast.entries).toEqual(strict.entries);
    expect(fast.entries[0]!.response.body!.text).toBe(long('crlf'));
  });
});
