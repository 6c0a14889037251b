import type { EntryRef } from '../../model/index.js';

/**
 * An entry reference as evidence: exactly `{input, index}`, which the report
 * renders as "#12" (or "2:#12" with several inputs). Uses and issue points
 * carry more fields, so they are trimmed here.
 */
export function plainRef(r: EntryRef): EntryRef {
  return { input: r.input, index: r.index };
}
