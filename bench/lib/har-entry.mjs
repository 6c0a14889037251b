/** One exchange as a Chrome DevTools HAR entry (same members, same order, same conventions). */

function nameValues(pairs) {
  return pairs.map(([name, value]) => ({ name, value }));
}

function requestCookies(headers) {
  const cookie = headers.find(([n]) => n === 'cookie');
  if (!cookie) return [];
  return cookie[1].split('; ').map((c) => {
    const at = c.indexOf('=');
    return { name: c.slice(0, at), value: c.slice(at + 1) };
  });
}

function responseCookies(headers) {
  return headers
    .filter(([n]) => n === 'set-cookie')
    .map(([, v]) => {
      const [pair, ...attrs] = v.split('; ');
      const at = pair.indexOf('=');
      const attr = (k) => attrs.find((a) => a.toLowerCase().startsWith(k))?.split('=')[1];
      return {
        name: pair.slice(0, at), value: pair.slice(at + 1), path: attr('path') ?? '/', domain: attr('domain'),
        expires: attr('expires') ? new Date(attr('expires')).toISOString() : undefined,
        httpOnly: attrs.includes('HttpOnly'), secure: attrs.includes('secure'), sameSite: attr('samesite'),
      };
    });
}

function queryString(url) {
  const u = new URL(url);
  return [...u.searchParams].map(([name, value]) => ({ name, value }));
}

function content(ex, rng) {
  if (ex.binary) return { size: ex.binary.length, mimeType: ex.mimeType, text: ex.binary.toString('base64'), encoding: 'base64' };
  const text = ex.text ?? '';
  const size = Buffer.byteLength(text);
  // DevTools also stores some text bodies as base64 (documents it could not be sure were UTF-8).
  if (size > 0 && rng.chance(0.08)) return { size, mimeType: ex.mimeType, text: Buffer.from(text).toString('base64'), encoding: 'base64' };
  return { size, mimeType: ex.mimeType, text };
}

export function harEntry(ex, rng) {
  const failed = ex.error !== undefined;
  const request = {
    method: ex.method, url: ex.url, httpVersion: 'http/2.0', headers: nameValues(ex.reqHeaders), queryString: queryString(ex.url),
    cookies: requestCookies(ex.reqHeaders), headersSize: -1, bodySize: ex.reqBody ? Buffer.byteLength(ex.reqBody.text) : 0,
  };
  if (ex.reqBody) request.postData = { mimeType: ex.reqBody.mimeType, text: ex.reqBody.text };
  const response = {
    status: failed ? 0 : ex.status, statusText: failed ? '' : ex.statusText, httpVersion: failed ? '' : 'http/2.0',
    headers: failed ? [] : nameValues(ex.respHeaders), cookies: failed ? [] : responseCookies(ex.respHeaders),
    content: failed ? { size: 0, mimeType: 'x-unknown' } : content(ex, rng), redirectURL: ex.redirectURL, headersSize: -1,
    bodySize: failed ? 0 : ex.transferSize - 400, _transferSize: failed ? 0 : ex.transferSize, _error: ex.error ?? null,
  };
  const t = ex.timings;
  return {
    _initiator: ex.resourceType === 'document' ? { type: 'other' } : { type: 'script', stack: { callFrames: [{ functionName: 'fetch', scriptId: '42', url: 'https://cdn.contoso.com/assets/main.js', lineNumber: 1, columnNumber: 73811 }] } },
    _priority: ex.resourceType === 'document' ? 'VeryHigh' : ex.resourceType === 'image' ? 'Low' : 'High',
    _resourceType: ex.resourceType, cache: {}, connection: String(400000 + (ex.pageIndex % 97)), pageref: `page_${ex.pageIndex + 1}`,
    request, response, serverIPAddress: ex.serverIp, startedDateTime: new Date(ex.time).toISOString(),
    time: t.blocked + t.send + t.wait + t.receive, timings: { ...t, _blocked_queueing: t.blocked * 0.8, _workerStart: -1, _workerReady: -1, _workerFetchStart: -1, _workerRespondWithSettled: -1 },
  };
}
