import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../../src/ingest/errors.js';
import { openSaz, readSazBody } from '../../../src/ingest/saz/index.js';
import { LARGE_BODY_BYTES } from '../../../src/ingest/types.js';
import { metadataXml, request, response, TempDir } from './saz-builder.js';
import { readAll } from './read-entries.js';

let dir: TempDir;
beforeAll(async () => {
  dir = await TempDir.create();
});
afterAll(async () => {
  await dir.remove();
});

const timersAt = (iso: string): Record<string, string> => ({
  ClientConnected: iso,
  ClientBeginRequest: iso,
  ClientDoneResponse: '0001-01-01T00:00:00',
  DNSTime: '0',
});

describe('SAZ files built in the test', () => {
  it('orders sessions by number despite gaps and padding, keeps empty responses as status 0', async () => {
    const path = await dir.writeZip('gaps.saz', [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: '_index.htm', data: '<html></html>' },
      { name: 'raw/010_c.txt', data: request('GET', 'https://b.example/ten', { Host: 'b.example' }) },
      { name: 'raw/010_s.txt', data: response('200 OK', { 'Content-Type': 'text/plain' }, 'ten') },
      { name: 'raw/002_c.txt', data: request('GET', 'https://b.example/two', { Host: 'b.example' }) },
      { name: 'raw/002_s.txt', data: '' },
      { name: 'raw/002_m.xml', data: metadataXml(2, timersAt('2024-05-01T10:00:00.5000000+02:00')) },
      { name: 'raw/7_c.txt', data: request('GET', 'https://b.example/seven', { Host: 'b.example' }) },
    ]);
    const { entries, warnings } = await readAll(path);
    expect(entries.map((e) => e.request.url)).toEqual(['https://b.example/two', 'https://b.example/seven', 'https://b.example/ten']);
    expect(entries.map((e) => e.meta!.sazNumber)).toEqual(['002', '7', '010']);
    expect(entries[0]!.response).toEqual({ status: 0, statusText: '', httpVersion: '', headers: [], error: 'no response' });
    // 7 has no _s.txt at all: same as an empty one.
    expect(entries[1]!.response.error).toBe('no response');
    expect(entries[0]!.startedAt).toBe(Date.UTC(2024, 4, 1, 8, 0, 0, 500));
    expect(entries[0]!.durationMs).toBe(-1);
    // Sessions without timers take the previous session's start.
    expect(entries[1]!.startedAt).toBe(entries[0]!.startedAt);
    expect(entries[2]!.startedAt).toBe(entries[0]!.startedAt);
    expect(warnings.map((w) => w.code)).toEqual(['saz-no-timers']);
    expect(warnings[0]!.entries).toEqual([
      { input: 0, index: 2 },
      { input: 0, index: 3 },
    ]);
  });

  it('accepts Fiddler\'s backslash member names and ignores names that leave the archive', async () => {
    const path = await dir.writeZip('names.saz', [
      { name: 'raw\\1_c.txt', data: request('GET', 'http://a.example/', { Host: 'a.example' }) },
      { name: 'raw\\1_s.txt', data: response('204 No Content') },
      { name: '../raw/2_c.txt', data: request('GET', 'http://evil.example/', { Host: 'evil.example' }) },
      { name: '/etc/passwd', data: 'x' },
    ]);
    const { entries, warnings } = await readAll(path);
    expect(entries.map((e) => e.request.url)).toEqual(['http://a.example/']);
    expect(warnings.map((w) => w.code)).toContain('saz-unsafe-member-name');
    expect(warnings.find((w) => w.code === 'saz-unsafe-member-name')!.message).not.toContain('passwd');
  });

  it('takes Fiddler\'s own failure text as the error, but not a server\'s 502 page', async () => {
    const failure = "[Fiddler] The connection to 'login.microsoftonline.com' failed. <br />Error: ConnectionRefused (0x274d).";
    const path = await dir.writeZip('failed.saz', [
      { name: 'raw/1_c.txt', data: request('GET', 'https://login.microsoftonline.com/common/discovery/v2.0/keys', { Host: 'login.microsoftonline.com' }) },
      { name: 'raw/1_s.txt', data: response('502 Fiddler - Connection Failed', { 'Content-Type': 'text/html; charset=UTF-8' }, `${failure}${' '.repeat(512)}`) },
      { name: 'raw/1_m.xml', data: metadataXml(1, timersAt('2024-01-01T00:00:00Z'), {}, '101') },
      { name: 'raw/2_c.txt', data: request('GET', 'https://api.example/x', { Host: 'api.example' }) },
      { name: 'raw/2_s.txt', data: response('502 Bad Gateway', { 'Content-Type': 'text/html' }, '<h1>upstream down</h1>') },
      { name: 'raw/2_m.xml', data: metadataXml(2, timersAt('2024-01-01T00:00:01Z'), {}, '1') },
      { name: 'raw/3_c.txt', data: request('GET', 'https://api.example/y', { Host: 'api.example' }) },
      { name: 'raw/3_s.txt', data: response('502 Fiddler - DNS Lookup Failed', {}, "[Fiddler] DNS Lookup for 'api.example' failed.") },
    ]);
    const { entries } = await readAll(path);
    expect(entries[0]!.response).toMatchObject({ status: 502, error: failure });
    expect(entries[1]!.response.error).toBeUndefined();
    expect(entries[2]!.response.error).toBe("[Fiddler] DNS Lookup for 'api.example' failed.");
  });

  it('a zip without raw/ sessions is not a SAZ', async () => {
    const path = await dir.writeZip('plain.zip', [{ name: 'readme.txt', data: 'hello' }, { name: 'raw/1_s.txt', data: 'HTTP/1.1 200 OK\r\n\r\n' }]);
    const error = await openSaz(path, { input: 0 }).catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'not-a-saz', message: `${path}: not a SAZ (zip without raw/ sessions)` });
  });

  it('a truncated zip is an InputError naming the file', async () => {
    const good = await dir.writeZip('whole.saz', [{ name: 'raw/1_c.txt', data: request('GET', 'http://a.example/', { Host: 'a.example' }) }]);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(good);
    const path = await dir.writeFile('cut.saz', bytes.subarray(0, bytes.length - 30));
    const error = await openSaz(path, { input: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not-a-zip' });
    expect((error as Error).message.startsWith(`${path}: `)).toBe(true);
  });

  it('uses the IsHTTPS bit flag and earlier CONNECT tunnels for origin-form requests', async () => {
    const path = await dir.writeZip('https.saz', [
      { name: 'raw/1_c.txt', data: request('GET', '/flagged', { Host: 'flag.example' }) },
      { name: 'raw/1_m.xml', data: metadataXml(1, timersAt('2024-01-01T00:00:00Z'), {}, '1') },
      { name: 'raw/2_c.txt', data: request('CONNECT', 'login.microsoftonline.com:443', { Host: 'login.microsoftonline.com:443' }) },
      { name: 'raw/2_s.txt', data: response('200 Connection Established') },
      { name: 'raw/3_c.txt', data: request('POST', '/common/oauth2/v2.0/token', { Host: 'login.microsoftonline.com' }, 'grant_type=authorization_code') },
      { name: 'raw/4_c.txt', data: request('GET', '/plain', { Host: 'other.example' }) },
    ]);
    const { entries } = await readAll(path);
    expect(entries.map((e) => e.request.url)).toEqual([
      'https://flag.example/flagged',
      'https://login.microsoftonline.com:443',
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      'http://other.example/plain',
    ]);
  });

  it('keeps large bodies out of memory: fragments found while decoding, readable back through the SAZ', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9.eyJhdWQiOiJhcGk6Ly94IiwiaXNzIjoiaHR0cHM6Ly9zdHMud2luZG93cy5uZXQveC8ifQ.c2lnbmF0dXJl';
    const filler = 'lorem ipsum dolor sit amet '.repeat(Math.ceil((LARGE_BODY_BYTES + 1000) / 27));
    const html = `<html>${filler}<script>var t="${jwt}";</script><p>AADSTS50011: The redirect URI does not match.</p>${filler}</html>`;
    const gz = gzipSync(Buffer.from(html));
    const path = await dir.writeZip('large.saz', [
      { name: 'raw/1_c.txt', data: request('GET', 'https://app.example/', { Host: 'app.example' }) },
      { name: 'raw/1_s.txt', data: response('200 OK', { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip' }, gz) },
    ]);
    const { entries } = await readAll(path);
    const body = entries[0]!.response.body!;
    expect(body.text).toBeUndefined();
    expect(body.size).toBe(Buffer.byteLength(html));
    expect(body.decodedFrom).toEqual(['gzip']);
    expect(body.fragments!.some((f) => f.includes(jwt))).toBe(true);
    expect(body.fragments!.some((f) => f.includes('AADSTS50011'))).toBe(true);
    expect(body.location).toEqual({ kind: 'saz-member', path, member: 'raw/1_s.txt' });
    const back = await readSazBody(body.location as { kind: 'saz-member'; path: string; member: string }, {});
    expect(back.toString()).toBe(html);
  });

  it('reads stored (uncompressed) members and request bodies back', async () => {
    const form = 'client_id=abc&grant_type=client_credentials&scope=api%3A%2F%2Fx%2F.default';
    const path = await dir.writeZip(
      'stored.saz',
      [
        { name: 'raw/1_c.txt', data: request('POST', 'https://login.microsoftonline.com/t/oauth2/v2.0/token', { Host: 'login.microsoftonline.com', 'Content-Type': 'application/x-www-form-urlencoded' }, form) },
        { name: 'raw/1_s.txt', data: response('400 Bad Request', { 'Content-Type': 'application/json' }, '{"error":"invalid_client"}') },
      ],
      { level: 0 },
    );
    const { entries } = await readAll(path);
    expect(entries[0]!.request.body!.text).toBe(form);
    expect(entries[0]!.response.body!.text).toBe('{"error":"invalid_client"}');
    const back = await readSazBody({ kind: 'saz-member', path, member: 'raw/1_c.txt' }, {});
    expect(back.toString()).toBe(form);
  });

  it('reads the producer from the zip comment', async () => {
    const files = [{ name: 'raw/1_c.txt', data: request('GET', 'http://a.example/', { Host: 'a.example' }) }];
    const core = await dir.writeZip('core.saz', files, { comment: 'FiddlerCore SAZSupport (v5.0.0.1) Session Archive. See http://www.fiddler2.com' });
    expect((await openSaz(core, { input: 0 })).info.producer).toBe('FiddlerCore 5.0.0.1');
    const classic = await dir.writeZip('classic.saz', files, { comment: 'Fiddler (v5.0.20253.3311) Session Archive. See https://fiddler2.com' });
    expect((await openSaz(classic, { input: 3 })).info).toMatchObject({ producer: 'Fiddler 5.0.20253.3311', input: 3, format: 'saz' });
  });

  it('reports progress, and streams entries only once', async () => {
    const files = [];
    for (let i = 1; i <= 30; i++) files.push({ name: `raw/${String(i).padStart(2, '0')}_c.txt`, data: request('GET', `http://a.example/${i}`, { Host: 'a.example' }) });
    const path = await dir.writeZip('progress.saz', files);
    const reader = await openSaz(path, { input: 0 });
    let n = 0;
    for await (const _ of reader.entries()) n++;
    expect(n).toBe(30);
    expect(reader.info.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(() => reader.entries()).toThrow(/only be streamed once/);
    const { progress } = await readAll(path);
    const last = progress[progress.length - 1]!;
    expect(progress.length).toBeLessThanOrEqual(2);
    expect(last).toMatchObject({ input: 0, entries: 30 });
    expect(last.bytesRead).toBe(last.totalBytes);
  });

  it('reads a Zip64 archive', async () => {
    const { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } = await import('@zip.js/zip.js');
    const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, zip64: true });
    await writer.add('raw/1_c.txt', new Uint8ArrayReader(Buffer.from(request('GET', 'http://z.example/64', { Host: 'z.example' }))));
    await writer.add('raw/1_s.txt', new Uint8ArrayReader(response('200 OK', { 'Content-Type': 'text/plain' }, 'zip64 body')));
    const path = await dir.writeFile('zip64.saz', Buffer.from(await writer.close()));
    const { entries } = await readAll(path);
    expect(entries[0]!.request.url).toBe('http://z.example/64');
    expect(entries[0]!.response.body!.text).toBe('zip64 body');
  });

  it('reads a zip with data prepended (self-extractor stub)', async () => {
    const { zipBytes } = await import('./saz-builder.js');
    const zip = await zipBytes([
      { name: 'raw/1_c.txt', data: request('GET', 'http://stub.example/', { Host: 'stub.example' }) },
      { name: 'raw/1_s.txt', data: response('200 OK', { 'Content-Type': 'text/plain' }, 'after the stub') },
    ]);
    const path = await dir.writeFile('stub.saz', Buffer.concat([Buffer.alloc(300, 0x4d), zip]));
    const { entries } = await readAll(path);
    expect(entries[0]!.response.body!.text).toBe('after the stub');
  });
});
