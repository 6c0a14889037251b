/** The filter language: text -> predicate, or a one-line error to show in the prompt. */
import { compileFilter, type FilterSubject, type Predicate } from './compile.js';
import { FilterSyntaxError } from './errors.js';
import { parseFilter } from './parser.js';

export type { FilterSubject, Predicate } from './compile.js';
export { FilterSyntaxError } from './errors.js';
export { parseFilter, type FilterNode } from './parser.js';
export { FILTERS, FILTER_OPERATORS, type FilterDefinition } from './definitions.js';

export type FilterResult = { ok: true; predicate: Predicate } | { ok: false; error: string; position: number };

/** Never throws: invalid input comes back as an error message for the prompt line. */
export function buildFilter(text: string): FilterResult {
  try {
    return { ok: true, predicate: compileFilter(parseFilter(text)) };
  } catch (err) {
    if (err instanceof FilterSyntaxError) return { ok: false, error: err.message, position: err.position };
    return { ok: false, error: 'invalid filter', position: 0 };
  }
}

/** Positions (into `subjects`) that match; the whole list when there is no filter. */
export function applyFilter(subjects: readonly FilterSubject[], predicate: Predicate | undefined): Int32Array {
  const out = new Int32Array(subjects.length);
  let n = 0;
  for (let i = 0; i < subjects.length; i++) {
    if (!predicate || predicate(subjects[i]!)) out[n++] = i;
  }
  return out.slice(0, n);
}
