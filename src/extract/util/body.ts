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

/**
 * Which families of ANY_MARKER's needles a response text holds. The searches after
 * the gate each want one family (JWTs, form inputs, error codes, JSON members), and
 * most texts that pass the gate hold only one of them: asking spares those searches
 * a pass over a text where they would find nothing.
 */
export interface BodyMarks {
  /** `eyJ`: a JWT can be in it. */
  jwt: boolean;
  /** `<input` / `<INPUT`: a form_post page can be. */
  input: boolean;
  /** `AADSTS`, `IDX` + digit or `sErrorCode`: an error code can be. */
  code: boolean;
  /** A member JSON_WORTH_PARSING looks for (its JWT and form needles included). */
  json: boolean;
}

/** Nothing known about the text (none, or only fragments): every search runs. */
export const ALL_MARKS: Readonly<BodyMarks> = { jwt: true, input: true, code: true, json: true };
const NO_MARKS: Readonly<BodyMarks> = { jwt: false, input: false, code: false, json: false };

/** ANY_MARKER, to learn where its first match is and which family that match belongs to. */
const FIRST_MARKER = new RegExp(ANY_MARKER.source, 'g');
const JSON_MEMBER_FROM = new RegExp(JSON_WORTH_PARSING.source, 'g');

type Family = 'jwt' | 'input' | 'code' | 'member';

function familyOf(match: string): Family {
  if (match === 'eyJ') return 'jwt';
  const c = match.charCodeAt(0);
  if (c === 0x3c) return 'input';
  if (c === 0x41 || c === 0x49 || c === 0x73) return 'code'; // A(ADSTS), I(DX), s(ErrorCode)
  return 'member';
}

/** The needles of the JWT, form-input and error-code families, to see which of them a text holds in one pass. */
const OTHER_FAMILIES = /eyJ|<input|<INPUT|AADSTS|IDX\d|sErrorCode/g;

/**
 * Marks of a text that passed the gate. The first marker's family is known at once;
 * the others are looked up when a search first asks, from the first marker on (no
 * needle of any family occurs before it), in one pass for the three families that
 * searches ask about together.
 */
class TextMarks implements BodyMarks {
  private found: number;
  private scanned = false;

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly first: Family,
  ) {
    // The first marker's family needs no second look: the scan can stop once the other two are seen.
    this.found = first === 'jwt' ? JWT_BIT : first === 'input' ? INPUT_BIT : first === 'code' ? CODE_BIT : 0;
  }

  private has(family: Family, bit: number): boolean {
    if (this.first === family) return true;
    if (!this.scanned) this.scan();
    return (this.found & bit) !== 0;
  }

  private scan(): void {
    this.scanned = true;
    const all = JWT_BIT | INPUT_BIT | CODE_BIT;
    const re = OTHER_FAMILIES;
    re.lastIndex = this.from;
    try {
      let m: RegExpExecArray | null;
      // Each match moves lastIndex forward, so the loop ends with the text.
      while (this.found !== all && (m = re.exec(this.text)) !== null) {
        const f = familyOf(m[0]);
        this.found |= f === 'jwt' ? JWT_BIT : f === 'input' ? INPUT_BIT : CODE_BIT;
      }
    } finally {
      re.lastIndex = 0;
    }
  }

  get jwt(): boolean {
    return this.has('jwt', JWT_BIT);
  }

  get input(): boolean {
    return this.has('input', INPUT_BIT);
  }

  get code(): boolean {
    return this.has('code', CODE_BIT);
  }

  get json(): boolean {
    if (this.first !== 'code') return true;
    if (this.jwt || this.input) return true;
    JSON_MEMBER_FROM.lastIndex = this.from;
    const found = JSON_MEMBER_FROM.test(this.text);
    JSON_MEMBER_FROM.lastIndex = 0;
    return found;
  }
}

const JWT_BIT = 1;
const INPUT_BIT = 2;
const CODE_BIT = 4;

/** What `text` may hold, from one ANY_MARKER pass; the families are read on demand. */
export function bodyMarks(text: string): Readonly<BodyMarks> {
  FIRST_MARKER.lastIndex = 0;
  const m = FIRST_MARKER.exec(text);
  FIRST_MARKER.lastIndex = 0;
  return m ? new TextMarks(text, m.index, familyOf(m[0])) : NO_MARKS;
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

/** Several extract steps ask this of the same entry in a row. */
let lastFormEntry: Entry | undefined;
let lastFormAnswer = false;

export function isFormBody(entry: Entry): boolean {
  if (entry === lastFormEntry) return lastFormAnswer;
  lastFormAnswer = formBodyOf(entry);
  lastFormEntry = entry;
  return lastFormAnswer;
}

function formBodyOf(entry: Entry): boolean {
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
