import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBody } from '../../../src/ingest/index.js';
import { binaryResponseFromHead } from '../../../src/ingest/saz/session-messages.js';
import { request, response, TempDir } from './saz-builder.js';
import { readAll } from './read-entries.js';

let dir: TempDir;
beforeAll(async () => {
  dir = await TempDir.create();
});
afterAll(async () => {
  await dir.remove();
});

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(200_000)]);
const chunked = (body: Buffer): Buffer => Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);

describe('large media responses known from their head', () => {
  it('give the same body as when inflated whole, and read back whole', async () => {
    const path = await dir.writeZip('media.saz', [
      { name: 'raw/1_c.txt', data: request('GET', 'https://cdn.example/a.png', { Host: 'cdn.example' }) },
      { name: 'raw/1_s.txt', data: response('200 OK', { 'Content-Type': 'image/png' }, png) },
      { name: 'raw/2_c.txt', data: request('GET', 'https://cdn.example/b.png', { Host: 'cdn.example' }) },
      { name: 'raw/2_s.txt', data: response('200 OK', { 'Content-Type': 'image/png', 'Transfer-Encoding': 'chunked' }, chunked(png)) },
      { name: 'raw/3_c.txt', data: request('GET', 'https://cdn.example/c', { Host: 'cdn.example' }) },
      { name: 'raw/3_s.txt', data: response('200 OK', {}, png) },
    ]);
    const { entries } = await readAll(path);
    const location = (n: number) => ({ kind: 'saz-member', path, member: `raw/${n}_s.txt` });
    expect(entries[0]!.response.body).toEqual({ size: png.length, mimeType: 'image/png', binary: true, location: location(1) });
    expect(entries[1]!.response.body).toEqual({ size: png.length, mimeType: 'image/png', decodedFrom: ['chunked'], binary: true, location: location(2) });
    expect(entries[2]!.response.body).toEqual({ size: png.length, mimeType: '', binary: true, location: location(3) });
    expect(await readBody(entries[0]!.response.body!)).toEqual(png);
  });

  it('a media signature is binary even when the bytes after it hold no NUL', async () => {
    // No NUL byte and control bytes just under the sniffing limit: only the PNG signature tells.
    const noNul = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 12 === 0 ? 0x01 : 0x41 + (i % 26))))]);
    const path = await dir.writeZip('no-nul.saz', [
      { name: 'raw/1_c.txt', data: request('GET', 'https://cdn.example/d', { Host: 'cdn.example' }) },
      { name: 'raw/1_s.txt', data: response('200 OK', {}, noNul) },
    ]);
    const { entries } = await readAll(path);
    expect(entries[0]!.response.body).toMatchObject({ size: noNul.length, binary: true });
  });

  it('only when the head is complete and the body needs no decoding or look', () => {
    const head = (headers: Record<string, string>) => response('200 OK', headers, png.subarray(0, 100));
    const size = 10_000;
    expect(binaryResponseFromHead(head({ 'Content-Type': 'font/woff2' }), size)?.unreadBinaryBytes).toBe(size - (head({ 'Content-Type': 'font/woff2' }).length - 100));
    expect(binaryResponseFromHead(head({ 'Content-Type': 'application/json' }), size)).toBeUndefined();
    expect(binaryResponseFromHead(head({}), size)).toBeUndefined();
    expect(binaryResponseFromHead(head({ 'Content-Type': 'image/png', 'Content-Encoding': 'gzip' }), size)).toBeUndefined();
    expect(binaryResponseFromHead(head({ 'Content-Type': 'image/png', 'Transfer-Encoding': 'chunked' }), size)).toBeUndefined();
    expect(binaryResponseFromHead(Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nX-Cut: ab', 'latin1'), size)).toBeUndefined();
    const whole = head({ 'Content-Type': 'image/png' });
    expect(binaryResponseFromHead(whole, whole.length)).toBeUndefined();
  });
});
