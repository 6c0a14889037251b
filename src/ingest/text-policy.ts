/**
 * Which decoded bodies ingest turns into a JS string.
 *
 * Analysis parses only a few kinds of body: JSON (token responses, OAuth errors,
 * JWKS, OpenID metadata, problem+json), form-urlencoded (token requests,
 * form_post), plain text, XML and HTML (login pages with `$Config`, form_post
 * pages). Every other body — scripts, styles, fonts, images, media,
 * octet-stream, anything else — is only ever searched for JWTs and error codes,
 * and the byte-level fragment scanner (`scan/`) finds those without making a
 * string: such bodies keep `fragments`, `size` and a `location` to read them
 * back, and no `text`. Turning megabytes of scripts into strings was the
 * largest single cost of reading a trace.
 *
 * Bodies with no media type are sniffed from their first bytes: JSON, markup
 * and form-looking content is text. Small bodies stay text whatever their type
 * (`ALWAYS_TEXT_BYTES`): they cost little, and they are the ones the timeline's
 * body filter can still search after extraction (larger texts are dropped then).
 */

/** Bodies up to this many decoded bytes keep their text whatever their type. */
export const ALWAYS_TEXT_BYTES = 4096;

/** true: analysis reads this type as text; false: scan it only; undefined: no type, sniff the content. */
export function analysisReadsType(mimeType: string | undefined): boolean | undefined {
  if (!mimeType) return undefined;
  const semi = mimeType.indexOf(';');
  const type = (semi < 0 ? mimeType : mimeType.slice(0, semi)).trim().toLowerCase();
  if (type === '') return undefined;
  const slash = type.indexOf('/');
  if (slash <= 0) return false;
  const top = type.slice(0, slash);
  const sub = type.slice(slash + 1);
  if (top === 'image' || top === 'audio' || top === 'video' || top === 'font') return false;
  if (sub.endsWith('json') || sub === 'xml' || sub.endsWith('+xml')) return true;
  if (type === 'application/x-www-form-urlencoded') return true;
  return type === 'text/plain' || type === 'text/html' || type === 'text/xml';
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Content without a type: JSON (`{`, `[`, `"`), markup (`<`) or a form
 * (`name=value`) counts as text. `jsonEscaped`: the bytes are still a JSON
 * string literal's content, so `\n`, `\t`, `\r` and `\u003c` are read as what
 * they stand for.
 */
export function sniffAnalysisText(bytes: Buffer, jsonEscaped = false): boolean {
  const end = Math.min(bytes.length, 256);
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  for (; i < end; i++) {
    const b = bytes[i]!;
    if (SPACE.has(b)) continue;
    if (jsonEscaped && b === 0x5c) {
      const next = bytes[i + 1];
      if (next === 0x6e || next === 0x72 || next === 0x74) {
        i++;
        continue;
      }
      if (next === 0x22) return true;
      return next === 0x75 && bytes.toString('latin1', i + 2, i + 6).toLowerCase() === '003c';
    }
    break;
  }
  if (i >= end) return false;
  const first = bytes[i]!;
  if (first === 0x7b || first === 0x5b || first === 0x3c || first === 0x22) return true;
  return looksLikeForm(bytes, i, end);
}

/** `name=value`: a name of URL-safe characters, then `=`, before any space. */
function looksLikeForm(bytes: Buffer, from: number, end: number): boolean {
  let i = from;
  for (; i < end; i++) {
    const b = bytes[i]!;
    const nameByte =
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x2e || b === 0x2d || b === 0x25 || b === 0x5b || b === 0x5d;
    if (!nameByte) break;
  }
  return i > from && i < end && bytes[i] === 0x3d;
}

/** Whether a decoded body of `size` bytes and this type keeps its text (see the policy above). */
export function keepsText(mimeType: string | undefined, size: number, head: () => Buffer, jsonEscaped = false): boolean {
  if (size <= ALWAYS_TEXT_BYTES) return true;
  const byType = analysisReadsType(mimeType);
  return byType ?? sniffAnalysisText(head(), jsonEscaped);
}
