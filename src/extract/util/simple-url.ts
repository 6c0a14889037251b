/**
 * Host, origin and path of the URLs most entries have (`https://api.contoso.com/v1/items?x=1`)
 * without building a WHATWG `URL`, which costs more than the rest of an entry's URL
 * work together. Anything the URL parser would rewrite beyond lower-casing (an IDN or
 * IP-address host, a default or odd port, userinfo, dot segments, characters it
 * percent-encodes, whitespace) is left to it: `undefined` means "ask URL".
 */

export interface UrlParts {
  host: string;
  origin: string;
  path: string;
}

/**
 * scheme :// host [: port] [path] then the end, a query or a fragment. Host labels are
 * LDH words and the last one starts with a letter (so it is no IPv4 number); the path
 * keeps to characters the parser copies as they are.
 */
const SIMPLE = /^(https?):\/\/((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?::([1-9][0-9]{0,4}))?(\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*)?(?:$|[?#])/;

/** Whitespace anywhere is removed or trimmed by the parser; punycode hosts are decoded and checked. */
const REWRITTEN = /[\t\n\r]|xn--|\/\.|%2e/i;

export function simpleUrlParts(raw: string): UrlParts | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = SIMPLE.exec(raw);
  if (!m) return undefined;
  const path = m[4] ?? '/';
  if (REWRITTEN.test(m[2]!) || REWRITTEN.test(path) || /[\t\n\r]/.test(raw)) return undefined;
  const scheme = m[1]!;
  let host = m[2]!.toLowerCase();
  const port = m[3];
  if (port !== undefined) {
    const n = Number(port);
    if (n > 65535 || (scheme === 'https' && n === 443) || (scheme === 'http' && n === 80)) return undefined;
    host += `:${port}`;
  }
  return { host, origin: `${scheme}://${host}`, path: path.toLowerCase() };
}
