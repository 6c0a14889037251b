/**
 * The few things read from a session's _m.xml: the <Session> attributes, the
 * <SessionTimers> attributes and the <SessionFlag N= V=> pairs.
 *
 * Fiddler writes this file with .NET's XmlWriter, always in the same shape
 * (double-quoted attributes, standard entities). A targeted scan reads that
 * shape about ten times faster than a general parser, which matters with one
 * file per session; a document where the scan finds nothing goes to
 * fast-xml-parser.
 */
import { createRequire } from 'node:module';
import type { XMLParser } from 'fast-xml-parser';

export interface SessionXml {
  session: Record<string, string>;
  timers: Record<string, string>;
  flags: [name: string, value: string][];
}

const SESSION_TAG = /<Session\b([^>]*)>/;
const TIMERS_TAG = /<SessionTimers\b([^>]*?)\/?>/;
const FLAG_TAG = /<SessionFlag\b([^>]*?)\/?>/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  if (value.indexOf('&') === -1) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** name="value" pairs of one tag; a plain indexOf walk, since this runs for every session. */
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  // Each pass moves past one '=' sign, so the loop ends.
  for (;;) {
    const eq = text.indexOf('=', pos);
    if (eq === -1) break;
    let nameEnd = eq;
    while (nameEnd > pos && text.charCodeAt(nameEnd - 1) <= 0x20) nameEnd--;
    let nameStart = nameEnd;
    while (nameStart > pos && text.charCodeAt(nameStart - 1) > 0x20) nameStart--;
    let q = eq + 1;
    while (q < text.length && text.charCodeAt(q) <= 0x20) q++;
    const quote = text[q];
    if (quote !== '"' && quote !== "'") {
      pos = eq + 1;
      continue;
    }
    const close = text.indexOf(quote, q + 1);
    if (close === -1) break;
    if (nameEnd > nameStart) out[text.slice(nameStart, nameEnd)] = decodeEntities(text.slice(q + 1, close));
    pos = close + 1;
  }
  return out;
}

function scan(text: string): SessionXml | undefined {
  const session = SESSION_TAG.exec(text);
  if (!session) return undefined;
  const timers = TIMERS_TAG.exec(text);
  const flags: [string, string][] = [];
  for (const m of text.matchAll(FLAG_TAG)) {
    const attrs = attributes(m[1]!);
    if (attrs.N !== undefined) flags.push([attrs.N, attrs.V ?? '']);
  }
  return { session: attributes(session[1]!), timers: timers ? attributes(timers[1]!) : {}, flags };
}

let parser: XMLParser | undefined;

/** Loaded on first use (some thirty modules): Fiddler's own files never need it. */
function loadParser(): typeof XMLParser {
  return (createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser')).XMLParser;
}

function parseGeneral(text: string): SessionXml | undefined {
  parser ??= new (loadParser())({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => name === 'SessionFlag',
  });
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch {
    return undefined;
  }
  const root = (doc as { Session?: unknown }).Session;
  if (!root || typeof root !== 'object') return undefined;
  const node = root as Record<string, unknown>;
  const session: Record<string, string> = {};
  for (const [k, v] of Object.entries(node)) if (typeof v === 'string') session[k] = v;
  const timers: Record<string, string> = {};
  const timerNode = node.SessionTimers;
  if (timerNode && typeof timerNode === 'object') {
    for (const [k, v] of Object.entries(timerNode)) if (typeof v === 'string') timers[k] = v;
  }
  const flags: [string, string][] = [];
  const flagList = (node.SessionFlags as { SessionFlag?: unknown } | undefined)?.SessionFlag;
  if (Array.isArray(flagList)) {
    for (const f of flagList as Record<string, unknown>[]) {
      if (typeof f?.N === 'string') flags.push([f.N, typeof f.V === 'string' ? f.V : '']);
    }
  }
  return { session, timers, flags };
}

export function readSessionXml(text: string): SessionXml | undefined {
  const quick = scan(text);
  if (quick && (Object.keys(quick.timers).length > 0 || quick.flags.length > 0)) return quick;
  // Not the usual layout (e.g. timers written as child elements): let the general parser look.
  return parseGeneral(text) ?? quick;
}
