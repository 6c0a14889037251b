import { kindOfCode, normalizeCode } from './codes.js';
import { aadstsCatalog, idxCatalog } from './load.js';
import type { ExplainResult } from './types.js';

/**
 * What the catalogs know about a code. Accepts any spelling `normalizeCode` accepts;
 * returns undefined when the input is not an AADSTS or IDX code at all. Unknown but
 * well-formed codes come back with `known: false` so callers can say "not in catalog".
 */
export function explain(input: string): ExplainResult | undefined {
  const code = normalizeCode(input);
  if (!code) return undefined;
  const kind = kindOfCode(code);
  if (kind === 'aadsts') {
    const entry = aadstsCatalog().get(Number(code.slice('AADSTS'.length)));
    if (!entry) return { code, kind, known: false };
    const result: ExplainResult = { code, kind, known: true, category: entry.category, severity: entry.severity, gist: entry.gist, check: entry.check };
    if (entry.name) result.name = entry.name;
    return result;
  }
  const entry = idxCatalog().get(code);
  if (!entry) return { code, kind, known: false };
  return { code, kind, known: true, category: entry.category, gist: entry.gist, check: entry.check };
}

/** Row counts, for tests and `--version`-style diagnostics. */
export function catalogSize(): { aadsts: number; idx: number } {
  return { aadsts: aadstsCatalog().size, idx: idxCatalog().size };
}
