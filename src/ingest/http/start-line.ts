/** Request lines and status lines of HTTP/1.x messages. */

export interface RequestLine {
  method: string;
  /** origin-form (/path?q), absolute-form (https://host/path), authority-form (host:443) or '*'. */
  target: string;
  /** '' when the line carries no version (HTTP/0.9 style). */
  httpVersion: string;
}

export interface StatusLine {
  httpVersion: string;
  status: number;
  statusText: string;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VERSION = /^HTTP\/\d+(?:\.\d+)?$/i;

export function parseRequestLine(line: string): RequestLine | undefined {
  const text = line.trim();
  const first = text.indexOf(' ');
  if (first <= 0) return undefined;
  const method = text.slice(0, first);
  if (!TOKEN.test(method)) return undefined;
  const rest = text.slice(first + 1).trim();
  if (rest === '') return undefined;
  const last = rest.lastIndexOf(' ');
  if (last > 0) {
    const version = rest.slice(last + 1);
    if (VERSION.test(version)) return { method, target: rest.slice(0, last).trim(), httpVersion: version.toUpperCase() };
  }
  return { method, target: rest, httpVersion: '' };
}

export function parseStatusLine(line: string): StatusLine | undefined {
  const m = /^(HTTP\/\d+(?:\.\d+)?)[ \t]+(\d{3})(?:[ \t]+(.*))?$/i.exec(line.trim());
  if (!m) return undefined;
  return { httpVersion: m[1]!.toUpperCase(), status: Number(m[2]), statusText: (m[3] ?? '').trim() };
}
