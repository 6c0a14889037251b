/** URL and form helpers that never throw on the odd things traces contain. */
import { simpleUrlParts, type UrlParts } from './simple-url.js';

export function safeUrl(raw: string): URL | undefined {
  // No scheme, no absolute URL: answer without paying for a thrown error (a HAR of a
  // million entries without URLs spent most of its time here).
  if (typeof raw !== 'string' || !raw.includes(':')) return undefined;
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

const NO_PARTS: UrlParts = { host: '', origin: '', path: '' };
let lastRaw: string | undefined;
let lastParts: UrlParts = NO_PARTS;
let lastSimple = false;

/**
 * Host, origin and path of a URL, lower-cased. Extract asks for them several times
 * per entry (and rules again per finding), so the last URL's parts are remembered:
 * one parse per entry instead of five.
 */
function partsOf(raw: string): UrlParts {
  if (raw === lastRaw) return lastParts;
  const simple = simpleUrlParts(raw);
  lastRaw = raw;
  lastSimple = simple !== undefined;
  if (simple) return (lastParts = simple);
  const u = safeUrl(raw);
  lastParts = u ? { host: u.host.toLowerCase(), origin: `${u.protocol}//${u.host}`.toLowerCase(), path: u.pathname.toLowerCase() } : NO_PARTS;
  return lastParts;
}

/**
 * The host of a plain http(s) URL (see simple-url.ts), undefined for any other. The
 * report's host counts ask first for each entry, and extract's own lookups of the same
 * URL then find it remembered.
 */
export function simpleHostOf(raw: string): string | undefined {
  const parts = partsOf(raw);
  return lastSimple ? parts.host : undefined;
}

export function hostOf(raw: string): string {
  return partsOf(raw).host;
}

export function originOf(raw: string): string {
  return partsOf(raw).origin;
}

/** Parameters of a query string or fragment ("a=1&b=2"), decoded; later duplicates lose. */
export function parseParams(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const s = text.startsWith('?') || text.startsWith('#') ? text.slice(1) : text;
  if (!s.includes('=')) return out;
  for (const part of s.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = decodeLoose(eq < 0 ? part : part.slice(0, eq));
    const v = eq < 0 ? '' : decodeLoose(part.slice(eq + 1));
    if (k && !out.has(k)) out.set(k, v);
  }
  return out;
}

function decodeLoose(s: string): string {
  // Most names and values have nothing to decode.
  if (!s.includes('%') && !s.includes('+')) return s;
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

export interface UrlParams {
  query: Map<string, string>;
  fragment: Map<string, string>;
}

/**
 * The last two URLs' parameters: extract reads the request URL's query in several
 * places per entry, between reads of a Referer or a Location. Callers only read
 * the maps (copy before changing one).
 */
const recentParams: { raw: string; params: UrlParams }[] = [];

export function urlParams(raw: string): UrlParams {
  for (const r of recentParams) if (r.raw === raw) return r.params;
  const params = parseUrlParams(raw);
  if (recentParams.length >= 2) recentParams.shift();
  recentParams.push({ raw, params });
  return params;
}

function parseUrlParams(raw: string): UrlParams {
  const hash = raw.indexOf('#');
  const beforeHash = hash < 0 ? raw : raw.slice(0, hash);
  const q = beforeHash.indexOf('?');
  return {
    query: q < 0 ? new Map() : parseParams(beforeHash.slice(q + 1)),
    fragment: hash < 0 ? new Map() : parseParams(raw.slice(hash + 1)),
  };
}

/** Path without query and fragment, lower-cased. */
export function pathOf(raw: string): string {
  return partsOf(raw).path;
}
