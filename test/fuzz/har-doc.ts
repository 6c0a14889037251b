/** Generated HAR documents (valid shape, hostile contents) and a reader that separates clean refusals from crashes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { DEFAULT_HAR_TUNING, openHarWith, type HarTuning } from '../../src/ingest/har/index.js';
import { InputError } from '../../src/ingest/index.js';
import type { Entry, RunWarning } from '../../src/model/index.js';
import { anyText, jwsArb } from './arbitraries.js';

const header = fc.record({ name: fc.oneof(fc.constantFrom('Authorization', 'Cookie', 'Content-Type', 'WWW-Authenticate', ':path', 'Location'), fc.string({ maxLength: 12 })), value: fc.oneof(anyText, jwsArb.map((t) => `Bearer ${t}`)) });

const content = fc.oneof(
  fc.record({ size: fc.integer({ min: -1, max: 5000 }), mimeType: fc.constantFrom('application/json', 'text/html', 'text/plain', 'image/png', ''), text: anyText }),
  fc.record({ size: fc.integer({ min: -1, max: 5000 }), mimeType: fc.constant('application/octet-stream'), text: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('base64')), encoding: fc.constant('base64') }),
  fc.record({ size: fc.constant(0), mimeType: fc.constant('x-unknown'), comment: anyText }),
);

export const harEntryArb = fc.record({
  startedDateTime: fc.oneof(fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('2024-05-01T10:00:00.1234567+02:00', '2024-05-01 10:00:00', 'yesterday')),
  time: fc.oneof(fc.double({ min: -1, max: 1e6, noNaN: true }), fc.constant(-1)),
  request: fc.record({
    method: fc.constantFrom('GET', 'POST', 'OPTIONS', ''),
    url: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), anyText),
    httpVersion: fc.constantFrom('HTTP/1.1', 'h2', 'http/2.0', ''),
    headers: fc.array(header, { maxLength: 6 }),
    queryString: fc.constant([]),
    cookies: fc.constant([]),
    headersSize: fc.constant(-1),
    bodySize: fc.integer({ min: -1, max: 100 }),
    postData: fc.option(fc.record({ mimeType: fc.constantFrom('application/x-www-form-urlencoded', 'application/json'), text: anyText }), { nil: undefined }),
  }),
  response: fc.record({
    status: fc.integer({ min: -1, max: 999 }),
    statusText: fc.string({ maxLength: 10 }),
    httpVersion: fc.constant('HTTP/1.1'),
    headers: fc.array(header, { maxLength: 6 }),
    cookies: fc.constant([]),
    content,
    redirectURL: fc.oneof(fc.constant(''), anyText),
    headersSize: fc.constant(-1),
    bodySize: fc.constant(-1),
  }),
  cache: fc.constant({}),
  timings: fc.record({ send: fc.double({ min: -1, max: 100, noNaN: true }), wait: fc.double({ min: -1, max: 100, noNaN: true }), receive: fc.constant(0) }),
});

export const harDocArb = fc.array(harEntryArb, { maxLength: 5 }).map((entries) => JSON.stringify({ log: { version: '1.2', creator: { name: 'fuzz', version: '1' }, entries } }, null, entries.length % 2 === 0 ? 0 : 2));

export type ReadOutcome = { ok: true; entries: Entry[]; warnings: RunWarning[]; sha256: string } | { ok: false; error: InputError };

/** Reads the whole file; an InputError is an outcome, anything else thrown propagates (and fails the property). */
export async function readHar(path: string, tuning: Partial<HarTuning> = {}): Promise<ReadOutcome> {
  const warnings: RunWarning[] = [];
  try {
    const reader = await openHarWith(path, { input: 3, onWarning: (w) => warnings.push(w) }, { ...DEFAULT_HAR_TUNING, ...tuning });
    const entries: Entry[] = [];
    for await (const e of reader.entries()) entries.push(e);
    return { ok: true, entries, warnings, sha256: reader.info.sha256 };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: e };
    throw e;
  }
}

/** A writer of one temp file, rewritten for every run; its directory goes when the test file ends. */
export function tempFile(name: string): (data: string | Buffer) => string {
  const dir = mkdtempSync(join(tmpdir(), 'trace-audit-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, name);
  return (data) => {
    writeFileSync(path, data);
    return path;
  };
}
