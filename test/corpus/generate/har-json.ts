/** HAR 1.2 pieces as plain JSON values, small enough to mutate by hand in the corpus generators. */

export function harEntry(overrides: { url?: string; requestHeaders?: { name: string; value: string }[]; responseText?: string; mimeType?: string } = {}): Record<string, unknown> {
  const text = overrides.responseText;
  return {
    startedDateTime: '2024-05-01T10:00:00.000Z',
    time: 12,
    request: {
      method: 'GET',
      url: overrides.url ?? 'https://api.contoso.example/orders',
      httpVersion: 'HTTP/1.1',
      headers: overrides.requestHeaders ?? [],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: overrides.mimeType ?? 'application/json' }],
      cookies: [],
      content: { size: text?.length ?? 0, mimeType: overrides.mimeType ?? 'application/json', ...(text !== undefined ? { text } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 12, receive: 0 },
  };
}

export function harLog(entries: unknown[]): Record<string, unknown> {
  return { log: { version: '1.2', creator: { name: 'trace-audit corpus', version: '1' }, entries } };
}

export function harText(entries: unknown[]): string {
  return JSON.stringify(harLog(entries));
}
