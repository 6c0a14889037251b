/**
 * WWW-Authenticate parsing (RFC 9110 §11.6.1), tolerant of what APIs really
 * send: quoted and unquoted values, several challenges in one header,
 * token68 values (Negotiate/NTLM blobs), stray spaces and commas, a missing
 * closing quote. Never throws; bounded by the header length.
 */

export interface ParsedChallenge {
  scheme: string;
  params: Record<string, string>;
  token68?: string;
}

const MAX_HEADER = 64 * 1024;
/** A token68 after a scheme: base64-ish characters, optional '=' padding, then a comma or the end. */
const TOKEN68 = /^[A-Za-z0-9._~+/-]+=*(?=[ \t]*(?:,|$))/;
const TOKEN_STOP = ' \t,="';

function skip(s: string, i: number, chars: string): number {
  while (i < s.length && chars.includes(s[i]!)) i++;
  return i;
}

function readQuoted(s: string, i: number): [string, number] {
  let value = '';
  i++; // opening quote
  while (i < s.length && s[i] !== '"') {
    if (s[i] === '\\' && i + 1 < s.length) i++;
    value += s[i];
    i++;
  }
  return [value, i + 1];
}

function readUnquoted(s: string, i: number): [string, number] {
  const start = i;
  while (i < s.length && s[i] !== ',') i++;
  return [s.slice(start, i).trim(), i];
}

export function parseWwwAuthenticate(header: string): ParsedChallenge[] {
  const s = header.length > MAX_HEADER ? header.slice(0, MAX_HEADER) : header;
  const out: ParsedChallenge[] = [];
  let current: ParsedChallenge | undefined;
  let i = 0;
  while (i < s.length) {
    i = skip(s, i, ' \t,');
    if (i >= s.length) break;
    const start = i;
    while (i < s.length && !TOKEN_STOP.includes(s[i]!)) i++;
    if (i === start) {
      // A stray '=' or quote where a name should be: step over it.
      i = s[i] === '"' ? readQuoted(s, i)[1] : i + 1;
      continue;
    }
    const word = s.slice(start, i);
    const afterWs = skip(s, i, ' \t');
    if (s[afterWs] === '=') {
      // auth-param. Without a scheme before it, the header is a bare parameter list.
      if (!current) {
        current = { scheme: '', params: {} };
        out.push(current);
      }
      const valueAt = skip(s, afterWs + 1, ' \t');
      const [value, next] = s[valueAt] === '"' ? readQuoted(s, valueAt) : readUnquoted(s, valueAt);
      const name = word.toLowerCase();
      // Duplicated parameters are invalid; the first one is what most servers mean.
      // Own members only: `name in` would also see Object.prototype ("constructor", "toString").
      if (!Object.hasOwn(current.params, name)) current.params[name] = value;
      i = next;
      continue;
    }
    current = { scheme: word, params: {} };
    out.push(current);
    i = afterWs;
    const t68 = TOKEN68.exec(s.slice(i, i + 16384));
    if (t68) {
      current.token68 = t68[0];
      i += t68[0].length;
    }
  }
  return out;
}
