/**
 * Finding AADSTS and IDX codes in text, with the message around them.
 */

export interface CodeHit {
  code: string; // "AADSTS50011" | "IDX10501"
  /** The message that starts at the code, up to the next code or ~600 chars. */
  message: string;
}

const AADSTS = /AADSTS(\d{4,7})\b/g;
const IDX = /\bIDX(\d{5})\b/g;
/** Entra login page: `$Config={..."sErrorCode":"50126",...}` (no AADSTS prefix). */
const CONFIG_ERROR = /"sErrorCode"\s*:\s*"(\d{4,7})"/g;
const CONFIG_TEXT = /"sErrTxt"\s*:\s*"((?:[^"\\]|\\.){0,600})"/;

const MAX_HITS = 50;

function messageAt(text: string, start: number, nextStart: number): string {
  const end = Math.min(nextStart, start + 600, text.length);
  return text
    .slice(start, end)
    .replace(/\\r\\n|\\n|\r?\n/g, ' ')
    .replace(/\\u0027/gi, "'")
    .replace(/\\u0022/gi, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function hits(text: string, re: RegExp, prefix: string): CodeHit[] {
  const found: { code: string; at: number }[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && found.length < MAX_HITS) found.push({ code: prefix + m[1], at: m.index });
  re.lastIndex = 0;
  return found.map((f, i) => ({ code: f.code, message: messageAt(text, f.at, found[i + 1]?.at ?? text.length) }));
}

export function findAadsts(text: string): CodeHit[] {
  if (!text.includes('AADSTS')) return [];
  return hits(text, AADSTS, 'AADSTS');
}

export function findIdx(text: string): CodeHit[] {
  if (!text.includes('IDX')) return [];
  return hits(text, IDX, 'IDX');
}

/** Error codes from an Entra login page's $Config object. */
export function findConfigErrors(text: string): CodeHit[] {
  if (!text.includes('sErrorCode')) return [];
  const out: CodeHit[] = [];
  CONFIG_ERROR.lastIndex = 0;
  let m: RegExpExecArray | null;
  const errText = CONFIG_TEXT.exec(text)?.[1];
  while ((m = CONFIG_ERROR.exec(text)) !== null && out.length < MAX_HITS) {
    if (m[1] === '0') continue;
    out.push({ code: `AADSTS${m[1]}`, message: errText ? unescapeJs(errText) : `sErrorCode ${m[1]}` });
  }
  CONFIG_ERROR.lastIndex = 0;
  return out;
}

function unescapeJs(s: string): string {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s;
  }
}
