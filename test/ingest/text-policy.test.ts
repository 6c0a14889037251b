import { gzipSync } from 'node:zlib';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readBody } from '../../src/ingest/index.js';
import { ALWAYS_TEXT_BYTES, analysisReadsType, keepsText, sniffAnalysisText } from '../../src/ingest/text-policy.js';
import { entry, fakeJws, harText, tempDir, writeTemp } from './har/har-text.js';
import { readAll as readHar } from './har/read-all.js';
import { request, response, TempDir } from './saz/saz-builder.js';
import { readAll as readSaz } from './saz/read-entries.js';

describe('which types analysis reads as text', () => {
  test.each([
    ['application/json', true],
    ['application/problem+json; charset=utf-8', true],
    ['text/json', true],
    ['application/x-www-form-urlencoded', true],
    ['text/plain;charset=UTF-8', true],
    ['text/html; charset=utf-8', true],
    ['application/xhtml+xml', true],
    ['text/xml', true],
    ['application/soap+xml', true],
    ['application/javascript', false],
    ['text/javascript', false],
    ['text/css', false],
    ['font/woff2', false],
    ['image/svg+xml', false],
    ['video/mp4', false],
    ['application/octet-stream', false],
    ['multipart/form-data; boundary=x', false],
    ['nonsense', false],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (type, expected) => {
    expect(analysisReadsType(type)).toBe(expected);
  });

  test.each([
    ['{"a":1}', false, true],
    ['  \n[1,2]', false, true],
    ['<!DOCTYPE html><html>', false, true],
    ['\ufeff<html>', false, true],
    ['grant_type=refresh_token&client_id=x', false, true],
    ['function f(){return 1}', false, false],
    ['var a = 1;', false, false],
    ['\\n\\t<html>', true, true],
    ['\\u003chtml>', true, true],
    ['\\"quoted\\"', true, true],
    ['\\x', true, false],
    ['', false, false],
  ])('sniff %j (escaped: %s) → %s', (head, escaped, expected) => {
    expect(sniffAnalysisText(Buffer.from(head), escaped)).toBe(expected);
  });

  test('small bodies keep text whatever their type', () => {
    const never = (): Buffer => {
      throw new Error('sniffed a small body');
    };
    expect(keepsText('application/javascript', ALWAYS_TEXT_BYTES, never)).toBe(true);
    expect(keepsText('application/javascript', ALWAYS_TEXT_BYTES + 1, never)).toBe(false);
    expect(keepsText(undefined, ALWAYS_TEXT_BYTES + 1, () => Buffer.from('{"a":1}'))).toBe(true);
  });
});

const token = fakeJws({ aud: 'api://orders', scp: 'Orders.Read', exp: 1714557600 });
/** A script of ~20 KB with quotes, backslashes, non-ASCII and newlines (escaped in a HAR), a token and a code inside. */
const script = `${'var s = "Grüße \\\\ \\"x\\"";\n'.repeat(400)}window.t="${token}";throw new Error("AADSTS50011: The redirect URI does not match.");\n${'let n = 1;\n'.repeat(400)}`;
const json = `{"items":[${'{"id":1,"name":"Grüße"},'.repeat(300)}{"id":2}],"access_token":"${token}"}`;

describe('HAR bodies', () => {
  let dir: string;
  let path: string;
  beforeAll(() => {
    dir = tempDir();
    path = writeTemp(
      dir,
      'policy.har',
      harText(
        [
          entry({ response: { content: { size: Buffer.byteLength(script), mimeType: 'application/javascript', text: script } } }),
          entry({ response: { content: { size: Buffer.byteLength(json), mimeType: 'application/json', text: json } } }),
          entry({ response: { content: { size: Buffer.byteLength(script), mimeType: 'text/css', text: Buffer.from(script).toString('base64'), encoding: 'base64' } } }),
          entry({ response: { content: { size: Buffer.byteLength(json), mimeType: '', text: json } } }),
        ],
        { indent: 2 },
      ),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a script keeps fragments, its exact size and a location, and no text', async () => {
    const { entries } = await readHar(path);
    const body = entries[0]!.response.body!;
    expect(body.text).toBeUndefined();
    expect(body.size).toBe(Buffer.byteLength(script));
    expect(body.fragments).toContain(token);
    expect(body.fragments!.some((f) => f.includes('AADSTS50011: The redirect URI'))).toBe(true);
    expect((await readBody(body)).toString('utf8')).toBe(script);
  });

  test('JSON keeps its text; base64 scripts are scanned decoded; no type is sniffed', async () => {
    const { entries } = await readHar(path);
    expect(entries[1]!.response.body).toMatchObject({ text: json, size: Buffer.byteLength(json) });
    const css = entries[2]!.response.body!;
    expect(css.text).toBeUndefined();
    expect(css.binary).toBeUndefined();
    expect(css.fragments).toContain(token);
    expect(entries[3]!.response.body!.text).toBe(json);
  });
});

describe('SAZ bodies', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await TempDir.create();
  });
  afterAll(async () => {
    await dir.remove();
  });

  test('a gzip script keeps fragments and a location; JSON and small scripts keep text', async () => {
    const gz = { 'Content-Type': 'application/javascript; charset=utf-8', 'Content-Encoding': 'gzip' };
    const path = await dir.writeZip('policy.saz', [
      { name: 'raw/1_c.txt', data: request('GET', 'https://cdn.example/app.js', { Host: 'cdn.example' }) },
      { name: 'raw/1_s.txt', data: response('200 OK', gz, gzipSync(script)) },
      { name: 'raw/2_c.txt', data: request('GET', 'https://api.example/items', { Host: 'api.example' }) },
      { name: 'raw/2_s.txt', data: response('200 OK', { 'Content-Type': 'application/json' }, json) },
      { name: 'raw/3_c.txt', data: request('GET', 'https://cdn.example/small.js', { Host: 'cdn.example' }) },
      { name: 'raw/3_s.txt', data: response('200 OK', gz, gzipSync('var small = 1;')) },
    ]);
    const { entries } = await readSaz(path);
    const big = entries[0]!.response.body!;
    expect(big.text).toBeUndefined();
    expect(big).toMatchObject({ size: Buffer.byteLength(script), decodedFrom: ['gzip'], location: { kind: 'saz-member', member: 'raw/1_s.txt' } });
    expect(big.fragments).toContain(token);
    expect(big.fragments!.some((f) => f.includes('AADSTS50011'))).toBe(true);
    expect((await readBody(big)).toString('utf8')).toBe(script);
    expect(entries[1]!.response.body!.text).toBe(json);
    expect(entries[2]!.response.body!.text).toBe('var small = 1;');
  });

  test('chunked gzip scripts and JSON over 1 MiB keep fragments; the same bytes read back', async () => {
    const packed = gzipSync(script);
    const chunked = Buffer.concat([Buffer.from(`${packed.length.toString(16)}\r\n`), packed, Buffer.from('\r\n0\r\n\r\n')]);
    const bigJson = `{"rows":[${'{"name":"Grüße"},'.repeat(70_000)}{"access_token":"${token}"}]}`;
    const path = await dir.writeZip('large.saz', [
      { name: 'raw/1_c.txt', data: request('GET', 'https://cdn.example/app.js', { Host: 'cdn.example' }) },
      { name: 'raw/1_s.txt', data: response('200 OK', { 'Content-Type': 'text/javascript', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' }, chunked) },
      { name: 'raw/2_c.txt', data: request('GET', 'https://api.example/export', { Host: 'api.example' }) },
      { name: 'raw/2_s.txt', data: response('200 OK', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, gzipSync(bigJson)) },
    ]);
    const { entries } = await readSaz(path);
    const js = entries[0]!.response.body!;
    expect(js).toMatchObject({ size: Buffer.byteLength(script), decodedFrom: ['chunked', 'gzip'] });
    expect(js.text).toBeUndefined();
    expect(js.fragments).toContain(token);
    const big = entries[1]!.response.body!;
    expect(big).toMatchObject({ size: Buffer.byteLength(bigJson), decodedFrom: ['gzip'] });
    expect(big.text).toBeUndefined();
    expect(big.fragments).toContain(token);
    expect((await readBody(big)).toString('utf8')).toBe(bigJson);
  });
});
