import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simpleUrlParts } from '../../src/extract/util/simple-url.js';

/** What the WHATWG parser says, lower-cased as extract uses it. */
function parsed(raw: string): { host: string; origin: string; path: string } | undefined {
  try {
    const u = new URL(raw);
    return { host: u.host.toLowerCase(), origin: `${u.protocol}//${u.host}`.toLowerCase(), path: u.pathname.toLowerCase() };
  } catch {
    return undefined;
  }
}

describe('URL parts without the URL parser', () => {
  it.each([
    'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    'https://Graph.Microsoft.com/v1.0/Me?$select=id#x',
    'http://api.contoso.com:8080',
    'https://app.contoso.com?code=1',
    'https://a-b.c-d.example/x/y;z=1/@:!$&\'()*+,%41',
  ])('agree with the URL parser on %s', (raw) => {
    expect(simpleUrlParts(raw)).toEqual(parsed(raw));
  });

  it.each([
    'https://xn--bcher-kva.example/',
    'https://127.0.0.1/',
    'https://example.com:443/',
    'http://example.com:80/',
    'https://example.com:0443/',
    'https://user:pw@example.com/',
    'https://example.com/a/../b',
    'https://example.com/a/%2e%2e/b',
    'https://example.com/a b',
    'https://example.com/a\tb',
    'https://example.com/a\\b',
    'HTTPS://example.com/',
    'https://example.com./',
    'https://-a.example.com/',
    'https://example.com/ü',
    'https://example.com/{x}',
    ' https://example.com/',
    'wss://example.com/',
  ])('leave %s to the URL parser', (raw) => {
    expect(simpleUrlParts(raw)).toBeUndefined();
  });

  it('never disagree with the URL parser (URLs of random pieces)', () => {
    const scheme = fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', 'https:', 'https:///', '');
    const host = fc.constantFrom('example.com', 'Login.MicrosoftOnline.COM', 'a.b', 'localhost', '1.2.3.4', '1.2.3', '0x7f.1', 'a..b', '.a', 'a-.b', 'xn--nxasmq6b.com', 'EXAMPLE.xn--p1ai', 'b\u00fccher.de', 'a_b.com', '[::1]', 'u@h.com', 'h.com.', 'a1.b2c', '9.example');
    const port = fc.constantFrom('', ':443', ':80', ':8080', ':0', ':65535', ':65536', ':', ':00080', ':99999');
    const seg = fc.constantFrom('a', 'B', '.', '..', '%2e', '%2E%2e', '.well-known', 'x y', 'x\ty', '~u', 'a;b=c', '%41', '%zz', '\u00e9', '{}', '^', '|', '`', '"', "'", '@', ':', '\\', '');
    const tail = fc.constantFrom('', '?q=1', '#f', '?a=b#c', '?x y', ' ', '\n', '?\t');
    fc.assert(
      fc.property(scheme, host, port, fc.array(seg, { maxLength: 4 }), fc.boolean(), tail, (s, h, p, segs, slash, t) => {
        const raw = `${s}${h}${p}${segs.length || slash ? '/' : ''}${segs.join('/')}${t}`;
        const fast = simpleUrlParts(raw);
        if (fast) expect(fast).toEqual(parsed(raw));
      }),
      { numRuns: 5000 },
    );
  });
});
