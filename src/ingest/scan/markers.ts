/**
 * What the body scanner looks for. Each marker has a needle that `Buffer.indexOf`
 * can find quickly (a byte that is rare in ordinary text where possible) and a
 * `match` that confirms the hit by looking at the bytes around it.
 */
import { BASE64URL, DOT, isDigit, isJsonSpace } from './byte-classes.js';

export interface MarkerHit {
  start: number;
  end: number;
}

/** A context marker's hit, or why there is none. */
export type ContextOutcome = MarkerHit | null;

export interface ContextMarker {
  /** Fragments of one group share a cap, so noisy markers cannot crowd out codes. */
  group: 'code' | 'error-key';
  needle: Buffer;
  /** `at` is where the needle was found; the scanner guarantees enough bytes around it. */
  match(buf: Buffer, at: number): ContextOutcome;
}

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

function startsWithAt(buf: Buffer, at: number, lit: Buffer): boolean {
  if (at < 0 || at + lit.length > buf.length) return false;
  for (let i = 0; i < lit.length; i++) if (buf[at + i] !== lit[i]) return false;
  return true;
}

/** After a JSON key: optional whitespace, then a colon. */
function colonFollows(buf: Buffer, at: number): boolean {
  let i = at;
  const stop = Math.min(buf.length, at + 16);
  while (i < stop && isJsonSpace(buf[i])) i++;
  return buf[i] === 0x3a;
}

function digitsAt(buf: Buffer, at: number, max: number): number {
  let n = 0;
  while (n <= max && isDigit(buf[at + n])) n++;
  return n;
}

/** `AADSTS` + 5 to 7 digits (Entra error codes). */
const aadsts: ContextMarker = {
  group: 'code',
  needle: bytes('AADSTS'),
  match(buf, at) {
    const n = digitsAt(buf, at + 6, 8);
    return n >= 5 && n <= 7 ? { start: at, end: at + 6 + n } : null;
  },
};

/** `IDX` + exactly 5 digits (Microsoft.IdentityModel messages). */
const idx: ContextMarker = {
  group: 'code',
  needle: bytes('IDX'),
  match(buf, at) {
    return digitsAt(buf, at + 3, 6) === 5 ? { start: at, end: at + 8 } : null;
  },
};

const S_ERROR = bytes('"sError');
/**
 * The Entra login page's `$Config` object: `"sErrorCode":"50126"`. The needle is the
 * tail `Code"` because `Buffer.indexOf` is much faster with a rare first byte.
 */
const loginPageError: ContextMarker = {
  group: 'code',
  needle: bytes('Code"'),
  match(buf, at) {
    const start = at - S_ERROR.length;
    if (!startsWithAt(buf, start, S_ERROR)) return null;
    return colonFollows(buf, at + 5) ? { start, end: at + 5 } : null;
  },
};

const ERROR_SUFFIXES = [bytes('"'), bytes('_description"'), bytes('_codes"')];
/** OAuth / Entra error JSON keys: `"error"`, `"error_description"`, `"error_codes"`. */
const errorKey: ContextMarker = {
  group: 'error-key',
  needle: bytes('"error'),
  match(buf, at) {
    const after = at + 6;
    for (const suffix of ERROR_SUFFIXES) {
      if (startsWithAt(buf, after, suffix)) {
        const end = after + suffix.length;
        return colonFollows(buf, end) ? { start: at, end } : null;
      }
    }
    return null;
  },
};

const S_ERROR_ESCAPED = bytes('\\"sError');
/** `\"sErrorCode\":` — the login page's `$Config` as it appears inside a JSON string (a HAR body). */
const loginPageErrorEscaped: ContextMarker = {
  group: 'code',
  needle: bytes('Code\\"'),
  match(buf, at) {
    const start = at - S_ERROR_ESCAPED.length;
    if (!startsWithAt(buf, start, S_ERROR_ESCAPED)) return null;
    return colonFollows(buf, at + 6) ? { start, end: at + 6 } : null;
  },
};

const ESCAPED_ERROR_SUFFIXES = [bytes('\\"'), bytes('_description\\"'), bytes('_codes\\"')];
/** OAuth error keys inside a JSON string: `\"error\":`. */
const errorKeyEscaped: ContextMarker = {
  group: 'error-key',
  needle: bytes('\\"error'),
  match(buf, at) {
    const after = at + 7;
    for (const suffix of ESCAPED_ERROR_SUFFIXES) {
      if (startsWithAt(buf, after, suffix)) {
        const end = after + suffix.length;
        return colonFollows(buf, end) ? { start: at, end } : null;
      }
    }
    return null;
  },
};

export const CONTEXT_MARKERS: readonly ContextMarker[] = [aadsts, idx, loginPageError, errorKey];
/**
 * For bytes that are still JSON-escaped (a string literal's content). Such content
 * never holds a bare `"` (it would have ended the literal), so the plain forms of the
 * two markers whose match needs one (`Code"`, `"error…"`) can never match there:
 * only their escaped forms are searched, which spares two passes over every body.
 */
export const ESCAPED_CONTEXT_MARKERS: readonly ContextMarker[] = [aadsts, idx, loginPageErrorEscaped, errorKeyEscaped];

/** Longest distance between a needle hit and its match's start or end. */
export const MARKER_REACH = 48;

/** `J` is rare in text; a compact JWT starts with `eyJ` (base64 of `{"`). */
export const JWT_NEEDLE = 0x4a;

export type JwtOutcome = MarkerHit | { skipTo: number } | 'defer';

/**
 * Confirms a JWT at the `J` found at `at`: a base64url run starting with `eyJ`, not
 * glued to a longer run, with 2 dots (JWS) or 4 dots (JWE). Returns 'defer' when the
 * run reaches the end of the buffer and more bytes may follow.
 */
export function matchJwt(buf: Buffer, at: number, final: boolean, maxTokenBytes: number): JwtOutcome {
  const start = at - 2;
  if (start < 0 || buf[start] !== 0x65 /* e */ || buf[start + 1] !== 0x79 /* y */) return { skipTo: at + 1 };
  const before = buf[start - 1];
  if (before !== undefined && (BASE64URL[before] === 1 || before === DOT) && !afterEscape(buf, start)) return { skipTo: at + 1 };
  let i = at + 1;
  let dots = 0;
  const len = buf.length;
  const stop = Math.min(len, start + maxTokenBytes + 1);
  while (i < stop) {
    const c = buf[i]!;
    if (BASE64URL[c] === 1) i++;
    else if (c === DOT) {
      dots++;
      i++;
    } else break;
  }
  if (i - start > maxTokenBytes) return { skipTo: skipRun(buf, i) };
  if (i === len && !final) return 'defer';
  let end = i;
  // A sentence may end right after a token: "... eyJ.eyJ.sig."
  if ((dots === 3 || dots === 5) && buf[end - 1] === DOT) {
    end--;
    dots--;
  }
  if (dots !== 2 && dots !== 4) return { skipTo: i };
  const firstDot = buf.indexOf(DOT, start);
  if (firstDot - start < 10) return { skipTo: i };
  return { start, end };
}

/** `\n`, `\t`... right before `at`: in JSON-escaped text the letter is not part of a token. */
function afterEscape(buf: Buffer, at: number): boolean {
  const letter = buf[at - 1];
  if (letter !== 0x6e && letter !== 0x72 && letter !== 0x74 && letter !== 0x62 && letter !== 0x66) return false;
  let j = at - 2;
  while (j >= 0 && buf[j] === 0x5c) j--;
  return ((at - 2 - j) & 1) === 1;
}

function skipRun(buf: Buffer, from: number): number {
  let i = from;
  while (i < buf.length && (BASE64URL[buf[i]!] === 1 || buf[i] === DOT)) i++;
  return i;
}
