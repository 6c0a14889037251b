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

/**
 * Bodies kept as text are at most 1 MiB (ingest's LARGE_BODY_BYTES); token responses,
 * OAuth errors, JWKS and OpenID metadata are far smaller.
 */
const MAX_JSON_PARSE = 1 << 20;

/**
 * What a JSON body must contain for extract to find anything in it: a JWT, a token
 * field (`access_token`, `id_token`, `refresh_token`, `client_assertion`), a key set,
 * OpenID metadata (`jwks_uri`, `token_endpoint`), or OAuth error fields (`error_codes`,
 * `error_description`). A body with none of them gives nothing when parsed, so it is
 * not parsed (most API responses). `<input` keeps a JSON body that embeds an HTML form
 * on the JSON path, as when every body was parsed. Shorter needles (`_token`, `error_`)
 * make one regex pass cheaper than the full names would.
 */
const JSON_WORTH_PARSING = /eyJ|_token|token_endpoint|error_|"keys"|jwks_uri|client_assertion|<input|<INPUT/;

/**
 * The union of what extract searches response texts for: the JSON members above, JWTs,
 * form_post inputs, AADSTS / IDX codes and the login page's `sErrorCode`. Most bodies
 * hold none of them, and one pass that says so spares the several searches after it.
 */
const ANY_MARKER = /eyJ|_token|token_endpoint|error_|"keys"|jwks_uri|client_assertion|<input|<INPUT|AADSTS|IDX\d|sErrorCode/;

/** False when `text` holds nothing extract looks for in a response body. */
export function mayHoldMarkers(text: string): boolean {
  return ANY_MARKER.test(text);
}

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

/**
 * `jsonObject` for bodies that can matter: those holding one of the members extract
 * reads (see JSON_WORTH_PARSING), or any body when `always` (a token endpoint's or a
 * metadata URL's response, read for every field).
 */
export function jsonWorthParsing(text: string | undefined, always = false): Record<string, unknown> | undefined {
  if (!text || text.length > MAX_JSON_PARSE) return undefined;
  if (!always && !JSON_WORTH_PARSING.test(text)) return undefined;
  return jsonObject(text);
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
