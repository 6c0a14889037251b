/** HAR `headers` arrays as producers really write them, turned into `Header[]`. */
import type { Header } from '../../model/index.js';
import { asObject, asText } from './json-values.js';
import type { NormalizeContext } from './normalize-context.js';

/**
 * Accepts `[{name, value}]` (values given as arrays become one header per value,
 * other non-strings are stringified; HTTP/2 pseudo-headers are kept) and, with a
 * warning, a plain `{name: value}` object.
 */
export function normalizeHeaders(v: unknown, ctx: NormalizeContext, where: string): Header[] {
  if (v === undefined || v === null) {
    ctx.problems.push(`${where} missing`);
    return [];
  }
  if (Array.isArray(v) && v.every(isPlainHeader)) {
    // The usual case: the parsed array, exactly sized, keeps its items, each shared or becoming the shared one.
    for (let i = 0; i < v.length; i++) v[i] = ctx.interner.adopt(v[i] as Header);
    return v as Header[];
  }
  const out: Header[] = [];
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isPlainHeader(item)) {
        // The common case needs no copy: the parsed object itself is shared or becomes the shared one.
        out.push(ctx.interner.adopt(item));
        continue;
      }
      const h = asObject(item);
      if (!h || h.name === undefined) {
        ctx.problems.push(`${where} has an item that is not a {name, value} object`);
        continue;
      }
      pushValues(out, asText(h.name, ctx), h.value, ctx);
    }
    return out;
  }
  const map = asObject(v);
  if (!map) {
    ctx.problems.push(`${where} is not an array`);
    return [];
  }
  ctx.problems.push(`${where} is an object instead of an array`);
  for (const [name, value] of Object.entries(map)) pushValues(out, name, value, ctx);
  return out;
}

/** `{name, value}` with two short plain strings (no cut-string placeholder, no extra members). */
function isPlainHeader(item: unknown): item is Header {
  if (typeof item !== 'object' || item === null) return false;
  const h = item as Record<string, unknown>;
  if (typeof h.name !== 'string' || typeof h.value !== 'string') return false;
  if (h.value.charCodeAt(0) === 0 || h.name.charCodeAt(0) === 0) return false;
  let keys = 0;
  for (const _ in h) keys++;
  return keys === 2;
}

function pushValues(out: Header[], name: string, value: unknown, ctx: NormalizeContext): void {
  if (Array.isArray(value)) {
    for (const one of value) out.push(ctx.interner.header(name, asText(one, ctx)));
    return;
  }
  out.push(ctx.interner.header(name, asText(value, ctx)));
}
