import { describe, expect, it } from 'vitest';
import { parseRequestLine, parseStatusLine, requestUrl } from '../../../src/ingest/http/index.js';

describe('parseRequestLine', () => {
  it.each([
    ['GET https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1 HTTP/1.1', 'GET', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1', 'HTTP/1.1'],
    ['CONNECT github.com:443 HTTP/1.0', 'CONNECT', 'github.com:443', 'HTTP/1.0'],
    ['POST /token HTTP/1.1', 'POST', '/token', 'HTTP/1.1'],
    ['OPTIONS * HTTP/1.1', 'OPTIONS', '*', 'HTTP/1.1'],
    ['GET /old-style', 'GET', '/old-style', ''],
  ])('%s', (line, method, target, version) => {
    expect(parseRequestLine(line)).toEqual({ method, target, httpVersion: version });
  });

  it.each(['', 'HTTP/1.1 200 OK', '"GET" / HTTP/1.1', 'GET', 'GET '])('rejects %j', (line) => {
    expect(parseRequestLine(line)).toBeUndefined();
  });
});

describe('parseStatusLine', () => {
  it.each([
    ['HTTP/1.1 200 OK', 200, 'OK'],
    ['HTTP/1.1 200 Connection Established', 200, 'Connection Established'],
    ['HTTP/1.0 502 Fiddler - Connection Failed', 502, 'Fiddler - Connection Failed'],
    ['HTTP/1.1 204', 204, ''],
    ['HTTP/2 401 Unauthorized', 401, 'Unauthorized'],
  ])('%s', (line, status, text) => {
    expect(parseStatusLine(line)).toMatchObject({ status, statusText: text });
  });

  it.each(['GET / HTTP/1.1', 'HTTP/1.1 OK', 'HTTP/1.1 2000 OK', ''])('rejects %j', (line) => {
    expect(parseStatusLine(line)).toBeUndefined();
  });
});

describe('requestUrl', () => {
  const host = [{ name: 'Host', value: 'api.example.com' }];
  it.each([
    ['absolute-form is kept', 'GET', 'https://a.example/p?q=1', [], {}, 'https://a.example/p?q=1'],
    ['origin-form uses Host, http by default', 'GET', '/p?q', host, {}, 'http://api.example.com/p?q'],
    ['origin-form in an HTTPS session', 'GET', '/p', host, { https: true }, 'https://api.example.com/p'],
    ['Host with :443 means HTTPS', 'GET', '/p', [{ name: 'host', value: 'h.example:443' }], {}, 'https://h.example:443/p'],
    ['CONNECT to 443', 'CONNECT', 'login.microsoftonline.com:443', [], {}, 'https://login.microsoftonline.com:443'],
    ['CONNECT to 80 (WebSocket through a proxy)', 'CONNECT', 'echo.websocket.org:80', [], {}, 'http://echo.websocket.org:80'],
    ['asterisk-form', 'OPTIONS', '*', host, {}, 'http://api.example.com/'],
  ])('%s', (_name, method, target, headers, ctx, url) => {
    expect(requestUrl(method, target, headers, ctx).url).toBe(url);
  });

  it('says when there is no Host header', () => {
    expect(requestUrl('GET', '/x', [], {})).toEqual({ url: 'http://unknown-host/x', problem: 'request has no Host header' });
  });
});
