/**
 * Writes a large synthetic SAZ for throughput measurements: a deterministic
 * mix of gzip JSON API calls, HTML pages, images, token requests and a few
 * multi-megabyte bundles, each session with Fiddler-style metadata.
 */
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import { metadataXml, request, response } from './saz-builder.js';

const WORDS = 'token access refresh grant client secret audience issuer tenant signin consent scope graph api user profile session cookie error code'.split(' ');

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
}

function words(rnd: () => number, length: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < length) {
    const w = WORDS[Math.floor(rnd() * WORDS.length)]!;
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

function noise(rnd: () => number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) buf[i] = Math.floor(rnd() * 256);
  return buf;
}

function session(rnd: () => number, n: number): { req: string; res: Buffer } {
  const kind = n % 10;
  const host = `api${n % 7}.example.com`;
  if (kind < 5) {
    const body = gzipSync(Buffer.from(JSON.stringify({ value: words(rnd, 2000 + Math.floor(rnd() * 30000)) })));
    return { req: request('GET', `https://${host}/v1/items/${n}`, { Host: host, Authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }), res: response('200 OK', { 'Content-Type': 'application/json; charset=utf-8', 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) }, body) };
  }
  if (kind < 8) {
    const html = `<html><body>${words(rnd, 5000 + Math.floor(rnd() * 40000))}</body></html>`;
    return { req: request('GET', `https://${host}/page/${n}`, { Host: host }), res: response('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, html) };
  }
  if (kind < 9) {
    return { req: request('GET', `https://${host}/img/${n}.jpg`, { Host: host }), res: response('200 OK', { 'Content-Type': 'image/jpeg' }, noise(rnd, 20000 + Math.floor(rnd() * 100000))) };
  }
  if (n % 100 === 9) {
    const bundle = gzipSync(Buffer.from(words(rnd, 3_000_000)));
    return { req: request('GET', `https://${host}/bundle.js`, { Host: host }), res: response('200 OK', { 'Content-Type': 'application/javascript', 'Content-Encoding': 'gzip' }, bundle) };
  }
  const form = 'grant_type=refresh_token&client_id=11111111-2222-3333-4444-555555555555&refresh_token=0.AAAA' + words(rnd, 400).replace(/ /g, '');
  return {
    req: request('POST', 'https://login.microsoftonline.com/common/oauth2/v2.0/token', { Host: 'login.microsoftonline.com', 'Content-Type': 'application/x-www-form-urlencoded' }, form),
    res: response('400 Bad Request', { 'Content-Type': 'application/json' }, '{"error":"invalid_grant","error_description":"AADSTS70008: The refresh token has expired.","error_codes":[70008]}'),
  };
}

/** Writes sessions until roughly `targetBytes` of zip have been produced; returns the session count. */
export async function writeSyntheticSaz(path: string, targetBytes: number): Promise<number> {
  const rnd = random(1);
  const writer = new ZipWriter(Writable.toWeb(createWriteStream(path)), { useWebWorkers: false, level: 1 });
  let approx = 0;
  let n = 0;
  const start = Date.UTC(2024, 0, 1, 10);
  while (approx < targetBytes) {
    n++;
    const { req, res } = session(rnd, n);
    const at = new Date(start + n * 137).toISOString().replace('Z', '0000+00:00');
    const meta = metadataXml(n, { ClientConnected: at, ClientBeginRequest: at, GotRequestHeaders: at, ServerGotRequest: at, ClientDoneResponse: at, DNSTime: '0' }, { 'x-clientip': '127.0.0.1', 'x-processinfo': 'msedge:1234' }, '1');
    const key = String(n).padStart(6, '0');
    await writer.add(`raw/${key}_c.txt`, new Uint8ArrayReader(Buffer.from(req)));
    await writer.add(`raw/${key}_s.txt`, new Uint8ArrayReader(res));
    await writer.add(`raw/${key}_m.xml`, new Uint8ArrayReader(Buffer.from(meta)));
    approx += res.length * 0.75 + 600;
  }
  await writer.close(new TextEncoder().encode('Fiddler (v5.0.20253.3311) Session Archive. See https://fiddler2.com'));
  return n;
}
