/**
 * Lenient readers for values of a parsed HAR entry: wrong types are turned into
 * something usable instead of aborting, and cut-string placeholders are resolved.
 */
import { mediumText } from './literal-text.js';
import type { NormalizeContext } from './normalize-context.js';

export function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A string for any JSON value; cut strings are materialized, large ones outside bodies are dropped. */
export function asText(v: unknown, ctx: NormalizeContext): string {
  if (typeof v === 'string') {
    const cut = ctx.registry.lookup(v, ctx.cuts);
    if (!cut) return v;
    if (cut.kind === 'medium') return mediumText(cut).text;
    ctx.problems.push('a value over the large-body limit outside a body was dropped');
    return '';
  }
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function optionalText(v: unknown, ctx: NormalizeContext): string | undefined {
  return v === null || v === undefined ? undefined : asText(v, ctx);
}

export function finiteNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}
