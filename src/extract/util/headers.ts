import type { Header } from '../../model/index.js';

/**
 * Response header lookups by lower-case name. Extract asks an entry's response
 * headers for six names in as many places; lower-casing every name once into a map
 * costs less than a scan per question. The last two header lists are remembered
 * (a response's lookups come in a row); callers only read the value lists.
 */
interface HeaderIndex {
  list: readonly Header[];
  length: number;
  byName: Map<string, string[]>;
}

const recent: HeaderIndex[] = [];
const NONE: readonly string[] = Object.freeze([]);

function indexOf(headers: readonly Header[]): Map<string, string[]> {
  for (const r of recent) if (r.list === headers && r.length === headers.length) return r.byName;
  const byName = new Map<string, string[]>();
  for (const h of headers) {
    const name = h.name.toLowerCase();
    const values = byName.get(name);
    if (values) values.push(h.value);
    else byName.set(name, [h.value]);
  }
  if (recent.length >= 2) recent.shift();
  recent.push({ list: headers, length: headers.length, byName });
  return byName;
}

/** The first value of a header (`lowerName` in lower case), as `headerValue` gives it. */
export function firstHeader(headers: readonly Header[], lowerName: string): string | undefined {
  return indexOf(headers).get(lowerName)?.[0];
}

/** Every value of a header (`lowerName` in lower case), in order, as `headerValues` gives them. */
export function allHeaders(headers: readonly Header[], lowerName: string): readonly string[] {
  return indexOf(headers).get(lowerName) ?? NONE;
}
