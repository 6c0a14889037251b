import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BodyRef, Entry } from '../../../src/model/index.js';
import { readHarBody } from '../../../src/ingest/har/index.js';
import { LARGE_BODY_BYTES } from '../../../src/ingest/types.js';
import { entry, fakeJws, harText, tempDir, writeTemp } from './har-text.js';
import { readAll } from './read-all.js';

const accessToken = fakeJws({ aud: 'api://orders', scp: 'Orders.Read', exp: 1714557600 });
const clientAssertion = fakeJws({ iss: 'client-id', sub: 'client-id', aud: 'https://login.microsoftonline.com/t/oauth2/v2.0/token' });
const errorJson = '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}';

/** About `size` bytes of HTML-ish text with quotes, newlines and non-ASCII (escaped in JSON), markers in the middle. */
function bigText(size: number, middle: string): string {
  const line = '<div class="row">Grüße — "quoted" \\ back\tslash</div>\n';
  const half = line.repeat(Math.ceil(size / 2 / line.length));
  return `${half}${middle}${half}`;
}

const pngBytes = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(LARGE_BODY_BYTES + 300_000)]);
const htmlBody = bigText(LARGE_BODY_BYTES + 200_000, `<script>var t = "${accessToken}";</script>${errorJson}`);
const jsonBody = Buffer.from(bigText(LARGE_BODY_BYTES, `{"access_token":"${accessToken}"}\n${errorJson}`));
const postBody = `client_assertion_type=jwt-bearer&client_assertion=${clientAssertion}&pad=${'x'.repeat(LARGE_BODY_BYTES)}`;
/** Only base64-alphabet characters for the first kilobytes, yet plain text: the first guess is wrong. */
const alnumBody = `${'A1b2C3d4'.repeat(140_000)} AADSTS50011 ${'Z9'.repeat(1000)}`;

let dir: string;
let entries: Entry[];
let harPath: string;

beforeAll(async () => {
  dir = tempDir();
  harPath = writeTemp(
    dir,
    'big.har',
    harText(
      [
        entry({ response: { content: { size: Buffer.byteLength(htmlBody), mimeType: 'text/html', text: htmlBody } } }),
        // Chrome's member order: text before encoding.
        entry({ response: { content: { size: jsonBody.length, mimeType: 'application/json', text: jsonBody.toString('base64'), encoding: 'base64' } } }),
        entry({ response: { content: { size: pngBytes.length, mimeType: 'image/png', text: pngBytes.toString('base64'), encoding: 'base64' } } }),
        entry({ request: { method: 'POST', postData: { mimeType: 'application/x-www-form-urlencoded', text: postBody } } }),
        entry({ response: { content: { size: alnumBody.length, mimeType: 'text/plain', text: alnumBody } } }),
      ],
      { indent: 2 },
    ),
  );
  entries = (await readAll(harPath)).entries;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectLarge(body: BodyRef | undefined, size: number, base64: boolean): BodyRef {
  expect(body).toBeDefined();
  expect(body!.text).toBeUndefined();
  expect(body!.size).toBe(size);
  expect(body!.location).toMatchObject({ kind: 'har-string', path: harPath, base64 });
  return body!;
}

describe('bodies larger than LARGE_BODY_BYTES', () => {
  test('plain text: never materialized, JWT and AADSTS fragments found, exact bytes read back', async () => {
    const body = expectLarge(entries[0]!.response.body, Buffer.byteLength(htmlBody), false);
    expect(body.fragments).toContain(accessToken);
    expect(body.fragments!.some((f) => f.includes('AADSTS7000215: Invalid client secret provided.'))).toBe(true);
    expect(body.binary).toBeUndefined();
    expect((await readHarBody(body.location as never)).equals(Buffer.from(htmlBody))).toBe(true);
  });

  test('base64 JSON (encoding written after text): decoded while scanning, exact bytes read back', async () => {
    const body = expectLarge(entries[1]!.response.body, jsonBody.length, true);
    expect(body.fragments).toContain(accessToken);
    expect(body.fragments!.some((f) => f.includes('"error_description":"AADSTS7000215'))).toBe(true);
    expect(body.binary).toBeUndefined();
    expect((await readHarBody(body.location as never)).equals(jsonBody)).toBe(true);
  });

  test('base64 image: binary, nothing scanned, exact size and bytes', async () => {
    const body = expectLarge(entries[2]!.response.body, pngBytes.length, true);
    expect(body).toMatchObject({ binary: true, fragments: [] });
    expect((await readHarBody(body.location as never)).equals(pngBytes)).toBe(true);
  });

  test('large postData: the client assertion is kept as a fragment', async () => {
    const body = expectLarge(entries[3]!.request.body, postBody.length, false);
    expect(body.fragments).toEqual([clientAssertion]);
    expect((await readHarBody(body.location as never)).toString()).toBe(postBody);
  });

  test('text that starts like base64 is scanned again as text', async () => {
    const body = expectLarge(entries[4]!.response.body, alnumBody.length, false);
    expect(body.fragments!.some((f) => f.includes(' AADSTS50011 '))).toBe(true);
  });

  test('the rest of each entry is intact', () => {
    expect(entries.map((e) => [e.index, e.request.method, e.response.status])).toEqual([
      [1, 'GET', 200],
      [2, 'GET', 200],
      [3, 'GET', 200],
      [4, 'POST', 200],
      [5, 'GET', 200],
    ]);
  });
});

describe('Playwright attachments (content._file)', () => {
  test('small text, large text scanned for fragments, missing, and outside the folder', async () => {
    const d = tempDir();
    try {
      writeTemp(d, 'token.json', `{"access_token":"${accessToken}"}`);
      writeTemp(d, 'big.txt', bigText(LARGE_BODY_BYTES + 10, errorJson));
      const path = writeTemp(
        d,
        'pw.har',
        harText(
          [
            entry({ response: { content: { size: 60, mimeType: 'application/json', _file: 'token.json' } } }),
            entry({ response: { content: { size: 5, mimeType: 'text/plain', _file: 'big.txt' } } }),
            entry({ response: { content: { size: 9, mimeType: 'text/html', _file: 'gone.html' } } }),
            entry({ response: { content: { size: 9, mimeType: 'text/plain', _file: '../../etc/passwd' } } }),
            entry({ request: { method: 'POST', postData: { mimeType: 'application/json', _file: 'token.json' } } }),
          ],
          { creator: { name: 'Playwright', version: '1.48.0' } },
        ),
      );
      const [small, big, missing, outside, post] = (await readAll(path)).entries;
      expect(small!.response.body).toMatchObject({ text: `{"access_token":"${accessToken}"}`, location: { kind: 'file', base64: false } });
      expect(big!.response.body!.text).toBeUndefined();
      expect(big!.response.body!.fragments!.some((f) => f.includes('AADSTS7000215'))).toBe(true);
      expect(missing!.response.body).toEqual({ size: 9, mimeType: 'text/html', problem: 'attachment missing: gone.html' });
      expect(outside!.response.body!.problem).toBe('attachment outside the trace folder: ../../etc/passwd');
      expect(post!.request.body!.text).toContain(accessToken);
      expect((await readHarBody(small!.response.body!.location as never)).toString()).toContain(accessToken);
      expect(await readHarBody({ kind: 'file', path: `${d}/gone.html`, base64: false })).toEqual(Buffer.alloc(0));
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
