// A flat view of a recorded trace (HAR file or captured sessions) in file
// order, so expectations can name entries by their 1-based index.

function headerMap(list) {
  const out = {};
  for (const h of list ?? []) {
    const k = h.name.toLowerCase();
    out[k] = out[k] === undefined ? h.value : `${out[k]}, ${h.value}`;
  }
  return out;
}

function bodyText(content) {
  if (!content?.text) return '';
  return content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
}

export function harEntries(har) {
  return har.log.entries.map((e, i) => ({
    index: i + 1,
    method: e.request.method,
    url: e.request.url,
    status: e.response.status,
    startedAt: Date.parse(e.startedDateTime),
    requestHeaders: headerMap(e.request.headers),
    responseHeaders: headerMap(e.response.headers),
    requestBody: e.request.postData?.text ?? '',
    responseBody: bodyText(e.response.content),
  }));
}

export class EntryQuery {
  constructor(entries) { this.entries = entries; }

  all(pred) { return this.entries.filter(pred); }

  indexes(pred) { return this.all(pred).map((e) => e.index); }

  one(pred, what) {
    const found = this.all(pred);
    if (found.length !== 1) throw new Error(`expected exactly one entry for ${what}, found ${found.length}`);
    return found[0];
  }

  first(pred, what) {
    const found = this.all(pred);
    if (found.length === 0) throw new Error(`no entry for ${what}`);
    return found[0];
  }
}

export const isTokenEndpoint = (e) => e.method === 'POST' && /\/oauth2\/v2\.0\/token$/.test(new URL(e.url).pathname);
export const isJwks = (e) => /\/discovery\/v2\.0\/keys$/.test(new URL(e.url).pathname);
export const hostOf = (e) => new URL(e.url).hostname;
export const bearerOf = (e) => (e.requestHeaders.authorization ?? '').replace(/^Bearer\s+/i, '') || undefined;

/** Claims of a JWT, decoded without any check (the recorder knows what it recorded). */
export function peekJwt(token) {
  const [h, p] = token.split('.');
  return { header: JSON.parse(Buffer.from(h, 'base64url')), claims: JSON.parse(Buffer.from(p, 'base64url')) };
}

export function tokenResponse(e) {
  try { return JSON.parse(e.responseBody); } catch { return {}; }
}
