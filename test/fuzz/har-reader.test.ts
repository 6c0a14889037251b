/**
 * The streaming HAR reader on hostile files: it yields sane entries or refuses
 * with an InputError (one line naming the file), never anything else, in
 * bounded time, whatever the bytes and whatever the read size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/model/index.js';
import { NASTY_PIECES, nastyText, wrongValue } from './arbitraries.js';
import { expectSaneEntry } from './entry-shape.js';
import { harDocArb, readHar, tempFile, type ReadOutcome } from './har-doc.js';
import { expectRssBounded, runs, timedAsync } from './settings.js';

const write = tempFile('fuzz.har');

function expectClean(outcome: ReadOutcome, path: string): void {
  if (!outcome.ok) {
    expect(outcome.error.message).toContain(path);
    expect(outcome.error.message).not.toContain('\n');
    expect(outcome.error.message.length).toBeLessThan(600);
    return;
  }
  outcome.entries.forEach((e, i) => expectSaneEntry(e, 3, i + 1));
}

async function check(data: string | Buffer, tuning = {}): Promise<ReadOutcome> {
  const path = write(data);
  const outcome = await timedAsync('openHar', () => readHar(path, tuning));
  expectClean(outcome, path);
  return outcome;
}

const TEMPLATE = JSON.stringify({
  log: {
    version: '1.2',
    creator: { name: 'fuzz', version: '1' },
    entries: [
      {
        startedDateTime: '2024-05-01T10:00:00.000Z',
        time: 5,
        request: { method: 'GET', url: 'https://a.example/x?code=1', httpVersion: 'HTTP/1.1', headers: [{ name: 'Authorization', value: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln' }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
        response: { status: 401, statusText: 'Unauthorized', httpVersion: 'HTTP/1.1', headers: [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' }], cookies: [], content: { size: 13, mimeType: 'application/json', text: '{"error":"x"}' }, redirectURL: '', headersSize: -1, bodySize: -1 },
        cache: {},
        timings: { send: 0, wait: 5, receive: 0 },
      },
    ],
  },
});

/** Every path to a value in a JSON document, e.g. ['log','entries',0,'request','url']. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function replaced(doc: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

describe('HAR reader on hostile bytes', () => {
  it('random bytes, with and without a leading brace', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.uint8Array({ maxLength: 3000 }), async (brace, bytes) => {
        await check(Buffer.concat([Buffer.from(brace ? '{' : ''), bytes]));
      }),
      { numRuns: runs(60) },
    );
  });

  it('JSON-ish token soup inside a HAR skeleton', async () => {
    await fc.assert(
      fc.asyncProperty(nastyText(200), async (soup) => {
        await check(`{"log":{"version":"1.2","entries":[${soup}]}}`);
      }),
      { numRuns: runs(80) },
    );
  });

  it('generated HARs with one mutation: cut, insertion, byte flip, invalid UTF-8, BOM, deep nesting, huge string', async () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.constantFrom(...NASTY_PIECES), nastyText(6)) }),
      fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('utf8' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0xfe], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]) }),
      fc.constant({ kind: 'bom' as const }),
      fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 100, max: 5000 }) }),
      fc.record({ kind: fc.constant('huge' as const), length: fc.integer({ min: 10_000, max: 300_000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(harDocArb, mutation, async (doc, m) => {
        const bytes = Buffer.from(doc);
        const pos = 'at' in m ? Math.floor(m.at * bytes.length) : 0;
        let data: Buffer;
        switch (m.kind) {
          case 'cut':
            data = bytes.subarray(0, pos);
            break;
          case 'insert':
            data = Buffer.concat([bytes.subarray(0, pos), Buffer.from(m.text), bytes.subarray(pos)]);
            break;
          case 'flip':
            data = Buffer.from(bytes);
            if (pos < data.length) data[pos] = m.byte;
            break;
          case 'utf8':
            data = Buffer.concat([bytes.subarray(0, pos), Buffer.from(m.bytes), bytes.subarray(pos)]);
            break;
          case 'bom':
            data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
            break;
          case 'deep':
            data = Buffer.from(doc.replace('"cache":{}', `"cache":${'['.repeat(m.depth)}${']'.repeat(m.depth)}`));
            break;
          case 'huge':
            data = Buffer.from(doc.replace('"statusText":"', `"statusText":"${'\\u00e9x\\"'.repeat(m.length / 8)}`));
            break;
        }
        await check(data);
      }),
      { numRuns: runs(150) },
    );
    expectRssBounded();
  });

  it('a wrong type in every field of an entry', async () => {
    const doc = JSON.parse(TEMPLATE) as unknown;
    const values = [null, 0, -1, 1e308, '', 'x', true, [], {}, [null], '2024-99-99'];
    let cases = 0;
    for (const path of pathsOf(doc)) {
      for (const value of values) {
        await check(JSON.stringify(replaced(doc, path, value)));
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(400);
  });

  it('random wrong values in random fields of generated HARs', async () => {
    await fc.assert(
      fc.asyncProperty(harDocArb, fc.double({ min: 0, max: 1, noNaN: true }), wrongValue, async (text, pick, value) => {
        const doc = JSON.parse(text) as unknown;
        const paths = pathsOf(doc);
        await check(JSON.stringify(replaced(doc, paths[Math.floor(pick * paths.length)]!, value)));
      }),
      { numRuns: runs(100) },
    );
  });

  it('truncated at every byte: refused or read, never a crash', async () => {
    const refusals = new Set<string>();
    for (let cut = 0; cut < TEMPLATE.length; cut++) {
      const outcome = await check(TEMPLATE.slice(0, cut));
      if (!outcome.ok) refusals.add(outcome.error.code);
      // Reading what is there is fine, silently passing a cut file off as whole is not.
      else expect(outcome.warnings.length, `cut at ${cut} read without a warning`).toBeGreaterThan(0);
    }
    expect(refusals.size).toBeGreaterThan(0);
  });

  it('every read size gives the same entries as the default one', async () => {
    await fc.assert(
      fc.asyncProperty(harDocArb, fc.integer({ min: 1, max: 300 }), async (doc, chunkBytes) => {
        const whole = await check(doc);
        const chunked = await check(doc, { chunkBytes });
        expect(chunked.ok).toBe(whole.ok);
        if (whole.ok && chunked.ok) {
          expect(JSON.stringify(chunked.entries)).toBe(JSON.stringify(whole.entries));
          expect(chunked.sha256).toBe(whole.sha256);
        }
      }),
      { numRuns: runs(40) },
    );
  });

  it('tiny string thresholds and scanner windows never break a read', async () => {
    await fc.assert(
      fc.asyncProperty(
        harDocArb,
        // Medium cuts apply to member names too: below the longest HAR name ("startedDateTime") they would cut keys.
        fc.record({ chunkBytes: fc.integer({ min: 16, max: 64 }), mediumStringBytes: fc.integer({ min: 24, max: 200 }), largeStringBytes: fc.integer({ min: 24, max: 400 }) }),
        async (doc, tuning) => {
          const large = Math.max(tuning.largeStringBytes, tuning.mediumStringBytes);
          const whole = await check(doc);
          const small = await check(doc, { ...tuning, largeStringBytes: large, scanner: { minWindowBytes: 24, contextBytes: 30 } });
          expect(small.ok).toBe(whole.ok);
          if (whole.ok && small.ok) {
            // Strings over the large threshold are streamed and not kept (by design): compare the others.
            const kept = (s: string) => (Buffer.byteLength(JSON.stringify(s)) - 2 <= large ? s : '(large)');
            const facts = (entries: Entry[]) => entries.map((e) => [e.response.status, kept(e.request.url), e.request.headers.map((h) => [kept(h.name), kept(h.value)])]);
            expect(facts(small.entries).length).toBe(facts(whole.entries).length);
            facts(small.entries).forEach((f, i) => {
              const w = facts(whole.entries)[i]!;
              expect(f[0]).toBe(w[0]);
              if (f[1] !== '' && w[1] !== '(large)') expect(f[1]).toBe(w[1]);
            });
          }
        },
      ),
      { numRuns: runs(30) },
    );
  });
});
