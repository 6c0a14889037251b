/** Serialize built entries as a HAR 1.2 file, the way DevTools writes one. */
import type { Entry } from '../../src/model/index.js';

export function harOf(entries: Entry[], creator = { name: 'WebInspector', version: '537.36' }): string {
  return JSON.stringify(
    {
      log: {
        version: '1.2',
        creator,
        pages: [],
        entries: entries.map((e) => ({
          startedDateTime: new Date(e.startedAt).toISOString(),
          time: e.durationMs,
          request: {
            method: e.request.method,
            url: e.request.url,
            httpVersion: e.request.httpVersion,
            headers: e.request.headers,
            queryString: [],
            cookies: [],
            headersSize: -1,
            bodySize: e.request.body?.text?.length ?? 0,
            ...(e.request.body?.text !== undefined ? { postData: { mimeType: e.request.body.mimeType, text: e.request.body.text } } : {}),
          },
          response: {
            status: e.response.status,
            statusText: e.response.statusText,
            httpVersion: e.response.httpVersion,
            headers: e.response.headers,
            cookies: [],
            content: { size: e.response.body?.text?.length ?? 0, mimeType: e.response.body?.mimeType ?? 'text/plain', ...(e.response.body?.text !== undefined ? { text: e.response.body.text } : {}) },
            redirectURL: e.response.redirectURL ?? '',
            headersSize: -1,
            bodySize: -1,
            ...(e.response.error ? { _error: e.response.error } : {}),
          },
          cache: {},
          timings: { send: 0, wait: e.durationMs, receive: 0 },
        })),
      },
    },
    null,
    1,
  );
}
