/**
 * Turns a request target into the absolute URL the rest of the tool works
 * with. Fiddler writes absolute-form for proxied requests
 * (`GET https://host/path HTTP/1.1`), authority-form for CONNECT, and other
 * producers write origin-form with a Host header.
 */
import { headerValue, type Header } from '../../model/index.js';

export interface UrlContext {
  /** The session is known to be HTTPS (a flag, or a CONNECT tunnel to this host). */
  https?: boolean;
}

export interface RequestUrl {
  url: string;
  problem?: string;
}

const ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;
const UNKNOWN_HOST = 'unknown-host';

/** Splits `host:port` (or `[v6]:port`); port is undefined when absent or not numeric. */
export function splitAuthority(authority: string): { host: string; port?: number } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(authority.trim());
  if (!m) return { host: authority.trim() };
  return m[2] === undefined ? { host: m[1]! } : { host: m[1]!, port: Number(m[2]) };
}

export function requestUrl(method: string, target: string, headers: readonly Header[], ctx: UrlContext = {}): RequestUrl {
  if (ABSOLUTE.test(target)) return { url: target };

  if (method.toUpperCase() === 'CONNECT') {
    const { host, port } = splitAuthority(target);
    // A tunnel to port 80 carries plain HTTP (e.g. a WebSocket through a proxy); anything else is TLS.
    const scheme = port === 80 ? 'http' : 'https';
    return { url: `${scheme}://${host}${port === undefined ? '' : `:${port}`}` };
  }

  const hostHeader = headerValue(headers, 'host')?.trim();
  const host = hostHeader || UNKNOWN_HOST;
  const https = ctx.https === true || splitAuthority(host).port === 443;
  const origin = `${https ? 'https' : 'http'}://${host}`;
  const path = target === '*' ? '/' : target.startsWith('/') ? target : `/${target}`;
  const url = origin + path;
  return hostHeader ? { url } : { url, problem: 'request has no Host header' };
}
