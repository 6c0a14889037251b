/**
 * Header lists as Chrome records them over HTTP/2 (lower-case names, pseudo-headers
 * first), as [name, value] pairs. The SAZ writer turns them into HTTP/1.1.
 */
import { BASE64URL } from './prng.mjs';

export function browserProfile(rng) {
  const major = rng.pick([128, 129, 130, 131]);
  const platform = rng.pick([['Windows', 'Windows NT 10.0; Win64; x64'], ['macOS', 'Macintosh; Intel Mac OS X 10_15_7']]);
  return {
    major,
    userAgent: `Mozilla/5.0 (${platform[1]}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`,
    secChUa: `"Google Chrome";v="${major}", "Chromium";v="${major}", "Not_A Brand";v="24"`,
    platform: `"${platform[0]}"`,
    language: rng.pick(['en-US,en;q=0.9', 'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'ja-JP,ja;q=0.9,en;q=0.8', 'de-DE,de;q=0.9,en;q=0.8']),
  };
}

const ACCEPT = {
  document: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7',
  script: '*/*',
  style: 'text/css,*/*;q=0.1',
  image: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8',
  font: '*/*',
  fetch: 'application/json, text/plain, */*',
  xhr: 'application/json',
  media: '*/*',
};

/** `r`: { method, url, dest ('document'|'script'|'style'|'image'|'font'|'fetch'|'xhr'|'media'), referer?, cookie?, authorization?, body?: {mimeType, length}, origin?, extra?: [[n, v]] } */
export function requestHeaders(profile, r) {
  const u = new URL(r.url);
  const h = [[':authority', u.host], [':method', r.method], [':path', u.pathname + u.search], [':scheme', 'https']];
  h.push(['accept', ACCEPT[r.dest] ?? '*/*'], ['accept-encoding', 'gzip, deflate, br, zstd'], ['accept-language', profile.language]);
  if (r.authorization) h.push(['authorization', r.authorization]);
  if (r.dest === 'document') h.push(['cache-control', 'max-age=0']);
  if (r.body) h.push(['content-length', String(r.body.length)], ['content-type', r.body.mimeType]);
  if (r.cookie) h.push(['cookie', r.cookie]);
  if (r.origin) h.push(['origin', r.origin]);
  h.push(['priority', r.dest === 'document' ? 'u=0, i' : r.dest === 'image' ? 'u=4, i' : 'u=1, i']);
  if (r.referer) h.push(['referer', r.referer]);
  h.push(['sec-ch-ua', profile.secChUa], ['sec-ch-ua-mobile', '?0'], ['sec-ch-ua-platform', profile.platform]);
  const mode = r.dest === 'document' ? 'navigate' : r.dest === 'fetch' || r.dest === 'xhr' ? 'cors' : 'no-cors';
  h.push(['sec-fetch-dest', r.dest === 'fetch' || r.dest === 'xhr' ? 'empty' : r.dest], ['sec-fetch-mode', mode]);
  h.push(['sec-fetch-site', r.referer && new URL(r.referer).host === u.host ? 'same-origin' : 'cross-site']);
  if (r.dest === 'document') h.push(['sec-fetch-user', '?1'], ['upgrade-insecure-requests', '1']);
  h.push(['user-agent', profile.userAgent]);
  for (const e of r.extra ?? []) h.push(e);
  return h;
}

/** `r`: { time, mimeType, length, encoding?, cache?, cors?, setCookies?: string[], server?, extra?: [[n, v]] } */
export function responseHeaders(rng, r) {
  const h = [];
  if (r.cors) h.push(['access-control-allow-origin', r.cors], ['access-control-expose-headers', 'x-ms-request-id, request-id']);
  if (rng.chance(0.3)) h.push(['age', String(rng.int(1, 86400))]);
  h.push(['alt-svc', 'h3=":443"; ma=86400']);
  h.push(['cache-control', r.cache ?? rng.pick(['no-store, no-cache', 'public, max-age=31536000, immutable', 'private, max-age=0'])]);
  if (r.encoding) h.push(['content-encoding', r.encoding]);
  if (r.length !== undefined) h.push(['content-length', String(r.length)]);
  if (r.mimeType) h.push(['content-type', r.mimeType]);
  h.push(['date', new Date(r.time).toUTCString()]);
  if (rng.chance(0.4)) h.push(['etag', `"0x8DC${rng.hex(12).toUpperCase()}"`]);
  if (rng.chance(0.3)) h.push(['last-modified', new Date(r.time - rng.int(1, 9e9)).toUTCString()]);
  if (rng.chance(0.2)) h.push(['nel', '{"report_to":"network-errors","max_age":86400,"success_fraction":0.001,"failure_fraction":1.0}']);
  h.push(['server', r.server ?? rng.pick(['Microsoft-IIS/10.0', 'nginx', 'AmazonS3', 'ECAcc (par/52A3)', 'Kestrel'])]);
  for (const c of r.setCookies ?? []) h.push(['set-cookie', c]);
  h.push(['strict-transport-security', 'max-age=31536000; includeSubDomains']);
  h.push(['vary', 'Accept-Encoding']);
  h.push(['x-content-type-options', 'nosniff']);
  if (rng.chance(0.5)) h.push(['x-cache', rng.pick(['TCP_HIT', 'TCP_MISS', 'Hit from cloudfront', 'CONFIG_NOCACHE'])]);
  if (rng.chance(0.5)) h.push(['x-ms-request-id', rng.guid()]);
  for (const e of r.extra ?? []) h.push(e);
  return h;
}

/** A session cookie as Entra and typical apps set them (value is random, base64url). */
export function cookieValue(rng, n) {
  return rng.chars(n, BASE64URL);
}
