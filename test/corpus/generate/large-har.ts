/**
 * Large hostile HARs, written at test time (never committed): a million tiny
 * entries, a 50 MB header value, megabyte-sized tokens. Written in pieces so
 * generation itself stays cheap in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { harEntry } from './har-json.js';

const HEAD = '{"log":{"version":"1.2","creator":{"name":"trace-audit corpus","version":"1"},"entries":[';
const TAIL = ']}}';

/** Writes `count` copies of `entry` (JSON text) as the entries of one HAR. */
export function writeRepeatedEntries(path: string, entry: string, count: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, HEAD);
    const perChunk = Math.max(1, Math.floor((1 << 20) / (entry.length + 1)));
    const chunk = new Array<string>(perChunk).fill(entry).join(',');
    let written = 0;
    while (written < count) {
      const n = Math.min(perChunk, count - written);
      writeSync(fd, (written > 0 ? ',' : '') + (n === perChunk ? chunk : new Array<string>(n).fill(entry).join(',')));
      written += n;
    }
    writeSync(fd, TAIL);
  } finally {
    closeSync(fd);
  }
}

/** A one-entry HAR whose request carries one header `bytes` long; the value is streamed, never built whole. */
export function writeHugeHeader(path: string, name: string, bytes: number, fill = 'A'): void {
  const marker = '@@HUGE@@';
  const entry = JSON.stringify(harEntry({ requestHeaders: [{ name: 'Accept', value: '*/*' }, { name, value: marker }] }));
  const [before, after] = entry.split(marker) as [string, string];
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, HEAD + before);
    const block = fill.repeat(Math.ceil((1 << 20) / fill.length)).slice(0, 1 << 20);
    for (let left = bytes; left > 0; left -= block.length) writeSync(fd, left >= block.length ? block : block.slice(0, left));
    writeSync(fd, after + TAIL);
  } finally {
    closeSync(fd);
  }
}

/** A compact JWS of roughly `bytes` characters whose claims hold one long padding claim. */
export function hugeJwt(bytes: number): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const header = enc({ typ: 'JWT', alg: 'RS256', kid: 'corpus-kid' });
  const padding = 'x'.repeat(Math.max(0, Math.floor((bytes * 3) / 4) - 200));
  const claims = enc({ aud: 'api://corpus', iss: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0', iat: 1714557600, exp: 1714561200, pad: padding });
  return `${header}.${claims}.${'S'.repeat(342)}`;
}
