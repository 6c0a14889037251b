/**
 * Every file of the corpus and what the CLI may do with it: write a report
 * (exit 0/1), refuse it (exit 2, one line), or either. Committed files live in
 * files/; the others are generated into a temp dir at test time.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { harEntry, harText } from './generate/har-json.js';
import { hugeJwt, writeHugeHeader, writeRepeatedEntries } from './generate/large-har.js';
import { HEAVY_SAZ_CASES, SAZ_CASES } from './generate/saz-cases.js';

export type Outcome = 'report' | 'error' | 'either';

export interface CorpusCase {
  name: string;
  outcome: Outcome;
  /** Committed file under files/, or a generator writing the file at `path`. */
  build?: (path: string) => void;
  /** Seconds of work: run once (JSON to stdout) instead of in both output modes. */
  heavy?: boolean;
}

export const FILES_DIR = fileURLToPath(new URL('./files/', import.meta.url));

const committed: [string, Outcome][] = [
  ['empty.har', 'error'],
  ['whitespace-only.har', 'error'],
  ['bom-only.har', 'error'],
  ['open-brace-only.har', 'error'],
  ['not-json.har', 'error'],
  ['binary-garbage.bin', 'error'],
  ['brace-then-binary.har', 'error'],
  ['zip-magic-then-garbage.saz', 'error'],
  ['zip-end-record-only.saz', 'error'],
  ['top-level-array.har', 'error'],
  ['utf16-har.har', 'either'],
  ['log-null.har', 'either'],
  ['log-string.har', 'either'],
  ['entries-object.har', 'either'],
  ['entries-string.har', 'either'],
  ['entries-scalars.har', 'either'],
  ['wrong-types-everywhere.har', 'report'],
  ['null-everywhere.har', 'report'],
  ['headers-as-string.har', 'report'],
  ['status-as-string.har', 'report'],
  ['duplicate-keys.har', 'either'],
  ['deep-nested-body.har', 'report'],
  ['deep-nested-entry.har', 'report'],
  ['deep-nested-log.har', 'either'],
  ['deep-nested-top.har', 'either'],
  ['invalid-utf8.har', 'report'],
  ['invalid-utf8-everywhere.har', 'either'],
  ['bad-escapes.har', 'either'],
  ['bom-then-har.har', 'report'],
  ['string-escapes-heavy.har', 'report'],
  ['garbage-tokens.har', 'report'],
  ['code-soup.har', 'report'],
];

const generatedHar: CorpusCase[] = [
  {
    name: 'eyj-run-body.har',
    outcome: 'report',
    build: (p) => writeFileSync(p, harText([harEntry({ mimeType: 'text/plain', responseText: 'eyJ'.repeat(340_000) }), harEntry({ responseText: `eyJ${'ab.'.repeat(300_000)}` })])),
  },
  { name: 'jwt-1mb.har', outcome: 'report', build: (p) => writeFileSync(p, harText([harEntry({ requestHeaders: [{ name: 'Authorization', value: `Bearer ${hugeJwt(1 << 20)}` }] })])) },
  {
    name: 'jwt-2mb-in-body.har',
    outcome: 'report',
    build: (p) => writeFileSync(p, harText([harEntry({ responseText: JSON.stringify({ access_token: hugeJwt(2 << 20), id_token: hugeJwt(2 << 20) }) })])),
  },
  { name: 'header-50mb.har', outcome: 'report', heavy: true, build: (p) => writeHugeHeader(p, 'X-Big', 50 << 20) },
  { name: 'header-50mb-eyj.har', outcome: 'report', heavy: true, build: (p) => writeHugeHeader(p, 'X-Token-Soup', 50 << 20, 'eyJ') },
  { name: 'million-empty-entries.har', outcome: 'report', heavy: true, build: (p) => writeRepeatedEntries(p, '{}', 1_000_000) },
  {
    name: 'million-tiny-entries.har',
    outcome: 'report',
    heavy: true,
    build: (p) => writeRepeatedEntries(p, JSON.stringify({ startedDateTime: '2024-05-01T10:00:00Z', request: { method: 'GET', url: 'http://a/' }, response: { status: 200 } }), 1_000_000),
  },
];

const saz = (cases: Record<string, () => Buffer>, heavy: boolean): CorpusCase[] =>
  Object.entries(cases).map(([name, make]) => ({ name, outcome: 'either' as const, heavy, build: (p: string) => writeFileSync(p, make()) }));

export const CORPUS: CorpusCase[] = [
  ...committed.map(([name, outcome]) => ({ name, outcome })),
  ...generatedHar,
  ...saz(SAZ_CASES, false),
  ...saz(HEAVY_SAZ_CASES, true),
];
