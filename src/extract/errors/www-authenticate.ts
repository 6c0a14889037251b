/**
 * WWW-Authenticate parsing (RFC 9110 §11.6.1), tolerant of what APIs really
 * send: quoted and unquoted values, several challenges in one header,
 * token68 values (Negotiate/NTLM blobs), stray spaces.
 */

export interface ParsedChallenge {
  scheme: string;
  params: Record<string, string>;
  token68?: string;
}

const MAX_HEADER = 64 * 1024;

export function parseWwwAuthenticate(header: string): ParsedChallenge[] {
  const s = header.length > MAX_HEADER ? header.slice(0, MAX_HEADER) : header;
  const out: ParsedChallenge[] = [];
  let i = 0;
  const n = s.length;
  let current: ParsedChallenge | undefined;
  const skipWs = () => {
    while (i < n && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  while (i < n) {
    skipWs();
    if (s[i] === ',') {
      i++;
      continue;
    }
    // read a token
    const start = i;
    while (i < n && !' \t,="'.includes(s[i]!)) i++;
    const word = s.slice(start, i);
    if (!word) {
      i++;
      continue;
    }
    skipWs();
    if (s[i] === '=' && current) {
      // auth-param: name=value
      i++;
      skipWs();
      let value = '';
      if (s[i] === '"') {
        i++;
        while (i < n && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < n) i++;
          value += s[i];
          i++;
        }
        i++;
      } else {
        const vs = i;
        while (i < n && s[i] !== ',') i++;
        value = s.slice(vs, i).trim();
      }
      current.params[word.toLowerCase()] = value;
      continue;
    }
    if (s[i] === '=' && !current) {
      // A parameter with no scheme before it: treat the header as a bare Bearer-style list.
      current = { scheme: '', params: {} };
      out.push(current);
      i = start;
      continue;
    }
    // a new scheme; maybe followed by token68
    current = { scheme: word, params: {} };
    out.push(current);
    skipWs();
    const t68 = /^[A-Za-z0-9._~+/-]+=*(?=\s*(,|$))/.exec(s.slice(i, i + 16384));
    if (t68 && !/^[A-Za-z0-9_-]+\s*=[^=]/.test(s.slice(i, i + 256))) {
      current.token68 = t68[0];
      i += t68[0].length;
    }
  }
  return out;
}
