import { readFileSync } from 'node:fs';
import type { Severity } from '../model/index.js';
import { AADSTS_CATEGORIES, IDX_CATEGORIES, type AadstsCategory, type AadstsEntry, type IdxCategory, type IdxEntry } from './types.js';

/**
 * The catalogs ship as TSV next to this module (src/catalog/data in tests,
 * dist/catalog/data after the build copies them), so they are found through
 * import.meta.url and never through the working directory.
 */
const AADSTS_FILE = new URL('./data/aadsts.tsv', import.meta.url);
const IDX_FILE = new URL('./data/idx.tsv', import.meta.url);

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info']);

/** A catalog file that does not match its documented format: a packaging bug, not user input. */
export class CatalogFormatError extends Error {
  constructor(file: string, line: number, problem: string) {
    super(`${file} line ${line}: ${problem}`);
    this.name = 'CatalogFormatError';
  }
}

function rowsOf(url: URL, file: string, header: string): Array<{ line: number; fields: string[] }> {
  const text = readFileSync(url, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  if (lines[0]?.replace(/\r$/, '') !== header) throw new CatalogFormatError(file, 1, 'unexpected header');
  const rows: Array<{ line: number; fields: string[] }> = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = (lines[i] ?? '').replace(/\r$/, '');
    if (raw.length === 0) continue;
    rows.push({ line: i + 1, fields: raw.split('\t') });
  }
  return rows;
}

function parseAadsts(): Map<number, AadstsEntry> {
  const file = 'aadsts.tsv';
  const entries = new Map<number, AadstsEntry>();
  for (const { line, fields } of rowsOf(AADSTS_FILE, file, 'code\tname\tcategory\tseverity\tgist\tcheck')) {
    const [code = '', name = '', category = '', severity = '', gist = '', check = ''] = fields;
    if (fields.length !== 6) throw new CatalogFormatError(file, line, `expected 6 fields, found ${fields.length}`);
    if (!/^\d{5,7}$/.test(code)) throw new CatalogFormatError(file, line, 'code is not a number');
    if (!(AADSTS_CATEGORIES as readonly string[]).includes(category)) throw new CatalogFormatError(file, line, `unknown category ${category}`);
    if (!SEVERITIES.has(severity)) throw new CatalogFormatError(file, line, `unknown severity ${severity}`);
    const number = Number(code);
    if (entries.has(number)) throw new CatalogFormatError(file, line, `duplicate code ${code}`);
    const entry: AadstsEntry = { code: `AADSTS${code}`, number, category: category as AadstsCategory, severity: severity as Severity, gist, check };
    if (name) entry.name = name;
    entries.set(number, entry);
  }
  return entries;
}

function parseIdx(): Map<string, IdxEntry> {
  const file = 'idx.tsv';
  const entries = new Map<string, IdxEntry>();
  for (const { line, fields } of rowsOf(IDX_FILE, file, 'code\tcategory\tgist\tcheck')) {
    const [code = '', category = '', gist = '', check = ''] = fields;
    if (fields.length !== 4) throw new CatalogFormatError(file, line, `expected 4 fields, found ${fields.length}`);
    if (!/^IDX\d{5}$/.test(code)) throw new CatalogFormatError(file, line, 'code is not IDXnnnnn');
    if (!(IDX_CATEGORIES as readonly string[]).includes(category)) throw new CatalogFormatError(file, line, `unknown category ${category}`);
    if (entries.has(code)) throw new CatalogFormatError(file, line, `duplicate code ${code}`);
    entries.set(code, { code, number: Number(code.slice(3)), category: category as IdxCategory, gist, check });
  }
  return entries;
}

let aadsts: Map<number, AadstsEntry> | undefined;
let idx: Map<string, IdxEntry> | undefined;

/** AADSTS entries by number, read on first use. */
export function aadstsCatalog(): ReadonlyMap<number, AadstsEntry> {
  aadsts ??= parseAadsts();
  return aadsts;
}

/** IDX entries by code ("IDX10501"), read on first use. */
export function idxCatalog(): ReadonlyMap<string, IdxEntry> {
  idx ??= parseIdx();
  return idx;
}
