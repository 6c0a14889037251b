/**
 * The SAZ reader on hostile archives: random bytes behind a zip signature,
 * archives with random member names and contents, valid archives with flipped
 * bytes or cut short, and hostile `_m.xml` metadata. Sane entries or an
 * InputError naming the file; nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/ingest/index.js';
import { openSaz } from '../../src/ingest/saz/index.js';
import { parseSessionMetadata } from '../../src/ingest/saz/metadata.js';
import { readSessionXml } from '../../src/ingest/saz/session-xml.js';
import type { Entry } from '../../src/model/index.js';
import { zipBytes, type ZipMemberSpec } from '../corpus/generate/zip-writer.js';
import { anyText, jwsArb, nastyText } from './arbitraries.js';
import { expectSaneEntry } from './entry-shape.js';
import { tempFile } from './har-doc.js';
import { runs, timedAsync } from './settings.js';

const write = tempFile('fuzz.saz');

async function readSaz(data: Buffer): Promise<Entry[] | InputError> {
  const path = write(data);
  return timedAsync('openSaz', async () => {
    try {
      const reader = await openSaz(path, { input: 2 });
      const entries: Entry[] = [];
      for await (const e of reader.entries()) entries.push(e);
      entries.forEach((e, i) => expectSaneEntry(e, 2, e.index > 0 ? e.index : i + 1));
      return entries;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      expect(e.message).toContain(path);
      expect(e.message).not.toContain('\n');
      return e;
    }
  });
}

const METADATA = (start: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\r\n<Session SID="7" BitFlags="1"><SessionTimers ClientConnected="${start}" ClientBeginRequest="${start}" ClientDoneResponse="2024-05-01T10:00:00.5000000+02:00" /><SessionFlags><SessionFlag N="x-clientip" V="127.0.0.1" /><SessionFlag N="ui-comments" V="a &amp; b" /></SessionFlags></Session>`;

const requestText = fc
  .tuple(fc.constantFrom('GET', 'POST', 'CONNECT'), fc.oneof(fc.webUrl(), anyText), jwsArb, anyText)
  .map(([m, url, jwt, body]) => `${m} ${url} HTTP/1.1\r\nHost: api.example\r\nAuthorization: Bearer ${jwt}\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
const responseText = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom('', 'Transfer-Encoding: chunked\r\n', 'Content-Encoding: gzip\r\n', 'Content-Encoding: br, deflate\r\n'), anyText)
  .map(([status, extra, body]) => `HTTP/1.1 ${status} X\r\nContent-Type: application/json\r\n${extra}\r\n${body}`);
const memberContent = fc.oneof(requestText, responseText, fc.constant(METADATA('2024-05-01T10:00:00.1234567+02:00')), anyText, fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b).toString('latin1')));
const memberName = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom('c', 's', 'm', 'w', 'g'), fc.constantFrom('txt', 'xml'), fc.constantFrom('raw/', 'raw\\', 'RAW/')).map(([n, k, ext, dir]) => `${dir}${String(n).padStart(2, '0')}_${k}.${ext}`),
  fc.constantFrom('../../etc/passwd', '/abs/01_c.txt', 'raw/../01_c.txt', 'C:\\x\\01_c.txt', '[Content_Types].xml', '_index.htm', 'raw/', ''),
  fc.string({ maxLength: 20 }),
);
const memberArb = fc.record({ name: memberName, content: memberContent, stored: fc.boolean() }).map((m): ZipMemberSpec => ({ name: m.name, data: Buffer.from(m.content, 'latin1'), stored: m.stored }));

function validSaz(sessions: number): Buffer {
  const members: ZipMemberSpec[] = [];
  for (let i = 1; i <= sessions; i++) {
    const n = String(i).padStart(2, '0');
    members.push({ name: `raw/${n}_c.txt`, data: Buffer.from(`GET https://api.example/${i} HTTP/1.1\r\nHost: api.example\r\n\r\n`) });
    members.push({ name: `raw/${n}_s.txt`, data: Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok`) });
    members.push({ name: `raw/${n}_m.xml`, data: Buffer.from(METADATA('2024-05-01T10:00:00.1000000+00:00')) });
  }
  return zipBytes(members, 'Fiddler Classic');
}

describe('SAZ reader on hostile archives', () => {
  it('random bytes behind a zip signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom([0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]), fc.uint8Array({ maxLength: 2000 }), async (magic, bytes) => {
        expect(await readSaz(Buffer.concat([Buffer.from(magic), bytes]))).toBeDefined();
      }),
      { numRuns: runs(60) },
    );
  });

  it('archives with random member names and contents', async () => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(memberArb, { maxLength: 12 }), fc.string({ maxLength: 30 }), async (members, comment) => {
        const out = await readSaz(zipBytes(members, comment));
        if (Array.isArray(out) && out.length > 0) read++;
      }),
      { numRuns: runs(100) },
    );
    // The generator must reach the entry parsers, not only the refusals.
    expect(read).toBeGreaterThan(5);
  });

  it('a valid archive with flipped bytes', async () => {
    const base = validSaz(3);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
        const data = Buffer.from(base);
        for (const [at, byte] of flips) data[at] = byte;
        expect(await readSaz(data)).toBeDefined();
      }),
      { numRuns: runs(120) },
    );
  });

  it('a valid archive cut at any point', async () => {
    const base = validSaz(2);
    const whole = await readSaz(base);
    expect(Array.isArray(whole) && whole.length).toBe(2);
    for (let cut = 4; cut < base.length; cut += 7) expect(await readSaz(base.subarray(0, cut))).toBeDefined();
  });
});

describe('_m.xml metadata', () => {
  it('any text, and valid metadata with one mutation, parse without a throw', () => {
    const valid = METADATA('2024-05-01T10:00:00.1234567+02:00');
    fc.assert(
      fc.property(fc.oneof(anyText, nastyText(80), fc.tuple(fc.nat({ max: valid.length }), fc.nat({ max: valid.length }), nastyText(6)).map(([a, b, ins]) => valid.slice(0, Math.min(a, b)) + ins + valid.slice(Math.max(a, b)))), (text) => {
        const xml = readSessionXml(text);
        if (xml) for (const [n, v] of xml.flags) expect([typeof n, typeof v]).toEqual(['string', 'string']);
        const meta = parseSessionMetadata(Buffer.from(text));
        if (meta) {
          expect(Number.isNaN(meta.durationMs)).toBe(false);
          if (meta.startedAt !== undefined) expect(Number.isFinite(meta.startedAt)).toBe(true);
        }
      }),
      { numRuns: runs(400) },
    );
  });

  it('hostile timer values and entity references', () => {
    const value = fc.oneof(fc.constantFrom('0001-01-01T00:00:00', '9999-12-31T23:59:59.9999999+14:00', '-1', '99999999999999999999', 'NaN', '&amp;&lt;&#0;&#x110000;&#99999999999;', '2024-02-30T25:61:61.1+99:99'), anyText);
    fc.assert(
      fc.property(value, value, (a, b) => {
        const text = `<Session SID="${a}" BitFlags="${b}"><SessionTimers ClientBeginRequest="${a}" ClientDoneResponse="${b}" DNSTime="${b}"/><SessionFlags><SessionFlag N="${a}" V="${b}"/></SessionFlags></Session>`;
        const meta = parseSessionMetadata(Buffer.from(text));
        if (meta?.startedAt !== undefined) expect(Number.isFinite(meta.startedAt)).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
});
