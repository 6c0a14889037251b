/**
 * The format-neutral record of one request/response that both writers serialize:
 * { time, method, url, status, statusText, reqHeaders, reqBody?, respHeaders,
 *   mimeType, text? | binary?, redirectURL, resourceType, serverIp, timings }.
 */
import { requestHeaders, responseHeaders } from './headers.mjs';

const STATUS_TEXT = { 200: 'OK', 204: 'No Content', 302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** Hosts and the addresses they resolve to (documentation ranges only). */
const SERVER_IPS = new Map();
export function serverIp(host) {
  let ip = SERVER_IPS.get(host);
  if (!ip) {
    ip = `203.0.113.${(SERVER_IPS.size * 37 + 11) % 250}`;
    SERVER_IPS.set(host, ip);
  }
  return ip;
}

/**
 * `q`: { method?, url, dest, resourceType?, referer?, cookie?, authorization?, origin?, reqBody?, reqExtra?,
 *        status?, mimeType?, text?, binary?, cache?, cors?, setCookies?, respExtra?, server?, location? }
 */
export function exchange(ctx, t, q) {
  const rng = ctx.rng;
  const method = q.method ?? 'GET';
  const reqBody = q.reqBody;
  const reqHeaders = requestHeaders(ctx.profile, {
    method, url: q.url, dest: q.dest, referer: q.referer, cookie: q.cookie, authorization: q.authorization,
    origin: q.origin, extra: q.reqExtra, body: reqBody && { mimeType: reqBody.mimeType, length: Buffer.byteLength(reqBody.text) },
  });
  const size = q.binary ? q.binary.length : q.text !== undefined ? Buffer.byteLength(q.text) : 0;
  // Text travels compressed; the length header is the compressed size, as the browser saw it.
  const encoding = q.text !== undefined && size > 1024 ? rng.pick(['br', 'gzip']) : undefined;
  const extra = [...(q.respExtra ?? [])];
  if (q.location) extra.push(['location', q.location]);
  const status = q.status ?? 200;
  const respHeaders = responseHeaders(rng, {
    time: t, mimeType: q.mimeType, length: encoding ? Math.ceil(size * 0.28) : size, encoding,
    cache: q.cache, cors: q.cors, setCookies: q.setCookies, server: q.server, extra,
  });
  const blocked = rng.float() * 4;
  const wait = rng.logInt(5, 900) + rng.float();
  const receive = size / rng.int(2000, 60000) + rng.float();
  const host = new URL(q.url).host;
  return {
    time: t, method, url: q.url, status, statusText: STATUS_TEXT[status] ?? '',
    reqHeaders, reqBody, respHeaders, mimeType: q.mimeType ?? 'x-unknown', text: q.text, binary: q.binary,
    transferSize: (encoding ? Math.ceil(size * 0.28) : size) + 400,
    redirectURL: q.location ?? '', resourceType: q.resourceType ?? q.dest, serverIp: serverIp(host),
    timings: { blocked, dns: -1, ssl: -1, connect: -1, send: rng.float() * 0.5, wait, receive },
  };
}
