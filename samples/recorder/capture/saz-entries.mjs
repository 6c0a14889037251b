// Reads back the captured sessions (the same bytes the archive holds) as a
// flat entry list, to derive expectations in session order.
import zlib from 'node:zlib';

function parseMessage(raw) {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = text.slice(0, end < 0 ? text.length : end).split('\r\n');
  const headers = {};
  for (const line of head.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = end < 0 ? Buffer.alloc(0) : raw.subarray(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const parts = [];
    let off = 0;
    for (let guard = 0; guard < 100000; guard++) {
      const nl = body.indexOf('\r\n', off);
      const size = parseInt(body.subarray(off, nl).toString(), 16);
      if (!size) break;
      parts.push(body.subarray(nl + 2, nl + 2 + size));
      off = nl + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  if (/gzip/i.test(headers['content-encoding'] ?? '')) body = zlib.gunzipSync(body);
  return { startLine: head[0], headers, body: body.toString('utf8') };
}

export function sazEntries(sessions) {
  return sessions.map((s) => {
    const req = parseMessage(s.requestRaw);
    const res = s.responseRaw?.length ? parseMessage(s.responseRaw) : { startLine: '', headers: {}, body: '' };
    const [method, url] = req.startLine.split(' ');
    return {
      index: s.id,
      method,
      url: method === 'CONNECT' ? `https://${url}` : url,
      status: Number(res.startLine.split(' ')[1] ?? 0),
      startedAt: s.timers.ClientBeginRequest,
      requestHeaders: req.headers,
      responseHeaders: res.headers,
      requestBody: req.body,
      responseBody: res.body,
    };
  });
}
