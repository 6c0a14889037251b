import type { BodyRef, Entry } from '../../model/index.js';
import { headerValue } from '../../model/index.js';

/** The texts extract can look at for a body: its text, or the fragments the reader kept. */
export function bodyTexts(body: BodyRef | undefined): string[] {
  if (!body || body.binary) return [];
  if (body.text !== undefined) return body.text.length > 0 ? [body.text] : [];
  return body.fragments ?? [];
}

export function bodyText(body: BodyRef | undefined): string | undefined {
  if (!body || body.binary) return undefined;
  return body.text;
}

const MAX_JSON_PARSE = 8 << 20;

/** Parse a JSON object body; undefined when it is not one (or too big to matter here). */
export function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (!text || text.length > MAX_JSON_PARSE) return undefined;
  const t = text.trimStart();
  if (!t.startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function isFormBody(entry: Entry): boolean {
  const ct = headerValue(entry.request.headers, 'content-type') ?? entry.request.body?.mimeType ?? '';
  if (ct.toLowerCase().includes('application/x-www-form-urlencoded')) return true;
  const t = entry.request.body?.text;
  return !!t && /^[\w.%-]+=[^\s]*(&[\w.%-]+=[^\s]*)*$/.test(t.slice(0, 4096).trim());
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** Epoch ms when the response was complete (start + duration), or the start when unknown. */
export function receivedAt(entry: Entry): number {
  return entry.durationMs > 0 ? entry.startedAt + entry.durationMs : entry.startedAt;
}
