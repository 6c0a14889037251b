// fetch for the Node clients: undici through a proxy (mitmproxy or the
// Fiddler-style capture proxy) or straight to the host-mapped local servers.
// Responses are re-wrapped as global Response objects, which openid-client
// (oauth4webapi) insists on.
import { ProxyAgent, fetch as undiciFetch } from 'undici';

export function proxiedDispatcher(proxyUrl, proxyCa) {
  return new ProxyAgent({ uri: proxyUrl, requestTls: { ca: proxyCa } });
}

export function fetchVia(dispatcher, defaultHeaders = {}) {
  return async (url, options = {}) => {
    const headers = new Headers(options.headers);
    for (const [k, v] of Object.entries(defaultHeaders)) if (!headers.has(k)) headers.set(k, v);
    const r = await undiciFetch(url instanceof URL ? url.href : url, {
      method: options.method, headers, body: options.body, redirect: options.redirect ?? 'manual', signal: options.signal, dispatcher,
    });
    const body = await r.arrayBuffer();
    return new Response([204, 304].includes(r.status) ? null : body, { status: r.status, statusText: r.statusText, headers: r.headers });
  };
}
