/**
 * Hostile SAZ archives, built at test time: traversal names, archives with
 * only some of a session's files, zip and gzip bombs, garbage members, XML
 * bombs in the metadata, a 50 MB header line.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { hugeJwt } from './large-har.js';
import { zeroDeflate, zeroGzip } from './zero-bombs.js';
import { zipBytes, type ZipMemberSpec } from './zip-writer.js';

const REQUEST = 'GET https://api.contoso.example/orders HTTP/1.1\r\nHost: api.contoso.example\r\nAccept: application/json\r\n\r\n';
const RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"ok":true}';
const METADATA =
  '<?xml version="1.0" encoding="utf-8"?>\r\n<Session SID="1" BitFlags="1"><SessionTimers ClientConnected="2024-05-01T10:00:00.0000000+00:00" ClientBeginRequest="2024-05-01T10:00:00.1000000+00:00" ClientDoneResponse="2024-05-01T10:00:00.3000000+00:00" /><SessionFlags><SessionFlag N="x-clientip" V="127.0.0.1" /></SessionFlags></Session>';

const text = (s: string) => Buffer.from(s, 'latin1');

function session(n: string, parts: { c?: Buffer; s?: Buffer; m?: Buffer; stored?: boolean }): ZipMemberSpec[] {
  const out: ZipMemberSpec[] = [];
  if (parts.c) out.push({ name: `raw/${n}_c.txt`, data: parts.c, stored: parts.stored });
  if (parts.s) out.push({ name: `raw/${n}_s.txt`, data: parts.s, stored: parts.stored });
  if (parts.m) out.push({ name: `raw/${n}_m.xml`, data: parts.m, stored: parts.stored });
  return out;
}

const healthy = (n: string) => session(n, { c: text(REQUEST), s: text(RESPONSE), m: text(METADATA) });

/** Deterministic junk (xorshift), so failures reproduce. */
function junk(bytes: number, seed: number): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed | 1;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function responseWithBody(headers: string, body: Buffer): Buffer {
  return Buffer.concat([text(`HTTP/1.1 200 OK\r\n${headers}\r\n\r\n`), body]);
}

/** `body` framed as HTTP/1.1 chunks of at most 64 KB. */
function chunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += 65536) {
    const piece = body.subarray(at, at + 65536);
    parts.push(text(`${piece.length.toString(16)}\r\n`), piece, text('\r\n'));
  }
  parts.push(text('0\r\n\r\n'));
  return Buffer.concat(parts);
}

export const SAZ_CASES: Record<string, () => Buffer> = {
  'saz-path-traversal.saz': () =>
    zipBytes([
      ...healthy('01'),
      { name: '../../etc/passwd', data: text('root:x:0:0') },
      { name: '/etc/passwd', data: text('root:x:0:0') },
      { name: 'raw/../../02_c.txt', data: text(REQUEST) },
      { name: '..\\..\\windows\\win.ini', data: text('[fonts]') },
      { name: 'C:\\Windows\\system.ini', data: text('[drivers]') },
      { name: 'raw/03_c.txt/../../../../tmp/x', data: text(REQUEST) },
    ]),
  'saz-only-request.saz': () => zipBytes(session('01', { c: text(REQUEST) })),
  'saz-only-response.saz': () => zipBytes(session('01', { s: text(RESPONSE) })),
  'saz-only-metadata.saz': () => zipBytes(session('01', { m: text(METADATA) })),
  'saz-mixed-partial-sessions.saz': () =>
    zipBytes([...session('1', { c: text(REQUEST) }), ...session('2', { s: text(RESPONSE) }), ...session('3', { m: text(METADATA) }), ...healthy('4')]),
  'saz-empty-members.saz': () => zipBytes(session('01', { c: Buffer.alloc(0), s: Buffer.alloc(0), m: Buffer.alloc(0) })),
  'saz-garbage-members.saz': () => zipBytes([...session('01', { c: junk(3000, 1), s: junk(3000, 2), m: junk(3000, 3) }), ...session('02', { c: text(REQUEST), s: junk(5000, 4), m: junk(100, 5) })]),
  'saz-nested-zip.saz': () => {
    const inner = zipBytes([...healthy('01'), { name: 'deeper.zip', data: zipBytes(healthy('01')) }]);
    return zipBytes([...session('01', { c: inner, s: inner, m: inner }), { name: 'inner.saz', data: inner }, ...healthy('02')]);
  },
  'saz-truncated.saz': () => {
    const whole = zipBytes([...healthy('01'), ...healthy('02'), ...healthy('03')]);
    return whole.subarray(0, Math.floor(whole.length / 2));
  },
  'saz-xml-bomb-metadata.saz': () => {
    const entities = ['<!ENTITY a0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)].join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE Session [${entities}]><Session SID="&a9;" BitFlags="1"><SessionTimers ClientBeginRequest="&a9;"/><SessionFlags><SessionFlag N="x" V="&a9;"/></SessionFlags></Session>`;
    return zipBytes([...session('01', { c: text(REQUEST), s: text(RESPONSE), m: text(bomb) })]);
  },
  'saz-deep-xml-metadata.saz': () => {
    const deep = `<Session SID="1">${'<a>'.repeat(10000)}${'</a>'.repeat(10000)}<SessionTimers>${'<t x="1">'.repeat(5000)}</SessionTimers></Session>`;
    return zipBytes(session('01', { c: text(REQUEST), s: text(RESPONSE), m: text(deep) }));
  },
  'saz-content-coding-chain.saz': () => {
    let body = Buffer.from('{"access_token":"x"}');
    for (let i = 0; i < 20; i++) body = gzipSync(body);
    const codings = new Array(2000).fill('gzip').join(', ');
    return zipBytes(session('01', { c: text(REQUEST), s: responseWithBody(`Content-Type: application/json\r\nContent-Encoding: ${codings}`, body), m: text(METADATA) }));
  },
  'saz-bad-chunking.saz': () =>
    zipBytes([
      ...session('01', { c: text(REQUEST), s: responseWithBody('Transfer-Encoding: chunked', text('ffffffffffff\r\nabc\r\n0\r\n\r\n')) }),
      ...session('02', { c: text(REQUEST), s: responseWithBody('Transfer-Encoding: chunked', text('5\r\nabc')) }),
      ...session('03', { c: text(REQUEST), s: responseWithBody('Transfer-Encoding: chunked', text('1;'.padEnd(5000, 'x') + '\r\na\r\n0\r\n')) }),
      ...session('04', { c: text(REQUEST), s: responseWithBody('Transfer-Encoding: chunked, gzip\r\nContent-Encoding: br, deflate, x-gzip', text('1\r\nx\r\n'.repeat(20000))) }),
    ]),
  'saz-jwt-1mb.saz': () => zipBytes(session('01', { c: text(REQUEST.replace('\r\n\r\n', `\r\nAuthorization: Bearer ${hugeJwt(1 << 20)}\r\n\r\n`)), s: text(RESPONSE), m: text(METADATA) })),
};

/** The big ones: seconds to analyze, so each runs once. */
export const HEAVY_SAZ_CASES: Record<string, () => Buffer> = {
  'saz-member-bomb.saz': () => zipBytes([...session('01', { c: text(REQUEST) }), { name: 'raw/01_s.txt', deflated: zeroDeflate(3000) }]),
  'saz-member-bomb-lying-size.saz': () => zipBytes([...session('01', { c: text(REQUEST) }), { name: 'raw/01_s.txt', deflated: zeroDeflate(3000), declaredSize: 100 }]),
  'saz-gzip-body-bomb.saz': () =>
    zipBytes([...session('01', { c: text(REQUEST), m: text(METADATA) }), { name: 'raw/01_s.txt', data: responseWithBody('Content-Type: application/json\r\nContent-Encoding: gzip', zeroGzip(4000)), stored: true }]),
  'saz-chunked-gzip-body-bomb.saz': () =>
    zipBytes([
      ...session('01', { c: text(REQUEST), m: text(METADATA) }),
      { name: 'raw/01_s.txt', data: responseWithBody('Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip', chunked(zeroGzip(2000))), stored: true },
    ]),
  'saz-header-50mb.saz': () => {
    const value = Buffer.alloc(50 << 20, 0x41);
    const request = Buffer.concat([text('GET https://api.contoso.example/ HTTP/1.1\r\nHost: api.contoso.example\r\nX-Big: '), value, text('\r\n\r\n')]);
    return zipBytes([{ name: 'raw/01_c.txt', data: request, stored: true }, { name: 'raw/01_s.txt', data: text(RESPONSE) }]);
  },
};

export function writeSazCase(path: string, build: () => Buffer): void {
  writeFileSync(path, build());
}

