import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/model/entry.js';
import { createEntryStats, hostOfUrl } from '../../src/report/entry-stats.js';

function entry(index: number, url: string, status: number, startedAt: number, durationMs = 100): Entry {
  return {
    input: 0,
    index,
    startedAt,
    durationMs,
    request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [] },
    response: { status, statusText: '', httpVersion: 'HTTP/1.1', headers: [] },
    source: 'har',
  };
}

describe('hostOfUrl', () => {
  it.each([
    ['https://login.microsoftonline.com/common/oauth2/v2.0/token', 'login.microsoftonline.com'],
    ['https://Login.MicrosoftOnline.com:443/x', 'login.microsoftonline.com'],
    ['http://localhost:5000/signin-oidc?code=abc', 'localhost:5000'],
    ['http://api.contoso.com:80/', 'api.contoso.com'],
    ['https://user:pw@proxy.example:8443/a', 'proxy.example:8443'],
    ['https://[::1]:7001/api', '[::1]:7001'],
    ['login.microsoftonline.com:443', 'login.microsoftonline.com'],
    ['https://app.contoso.com#id_token=x', 'app.contoso.com'],
    ['/relative?redirect_uri=https://evil.example/', ''],
  ])('%s → %s', (url, host) => {
    expect(hostOfUrl(url)).toBe(host);
  });
});

describe('createEntryStats', () => {
  it('counts entries, hosts (busiest first, ties by name), statuses and the time span', () => {
    const stats = createEntryStats();
    stats.add(entry(1, 'https://b.example/1', 200, 5_000, 250));
    stats.add(entry(2, 'https://a.example/1', 302, 1_000, 50));
    stats.add(entry(3, 'https://c.example/1', 200, 2_000, 9_000));
    stats.add(entry(4, 'https://c.example/2', 0, 3_000, -1));
    stats.add(entry(5, 'https://b.example/2', 401, 4_000, 100));
    expect(stats.result()).toEqual({
      entries: 5,
      timeRange: [1_000, 11_000],
      hosts: [
        { host: 'b.example', entries: 2 },
        { host: 'c.example', entries: 2 },
        { host: 'a.example', entries: 1 },
      ],
      statuses: { '0': 1, '200': 2, '302': 1, '401': 1 },
    });
  });

  it('keeps the busiest hosts only', () => {
    const stats = createEntryStats({ maxHosts: 2 });
    for (let i = 1; i <= 30; i++) stats.add(entry(i, `https://h${i % 5}.example/`, 200, i * 1000));
    expect(stats.result().hosts.map((h) => h.host)).toEqual(['h0.example', 'h1.example']);
    expect(createEntryStats().result()).toEqual({ entries: 0, timeRange: null, hosts: [], statuses: {} });
  });

  it('ignores unusable start times for the span but still counts the entry', () => {
    const stats = createEntryStats();
    stats.add(entry(1, 'https://a.example/', 200, Number.NaN));
    expect(stats.result()).toMatchObject({ entries: 1, timeRange: null });
    stats.add(entry(2, 'https://a.example/', 200, 7_000, 0));
    expect(stats.result().timeRange).toEqual([7_000, 7_000]);
  });

  it('returns a snapshot that later entries do not change', () => {
    const stats = createEntryStats();
    stats.add(entry(1, 'https://a.example/', 200, 1));
    const first = stats.result();
    stats.add(entry(2, 'https://a.example/', 500, 2));
    expect(first.statuses).toEqual({ '200': 1 });
    expect(stats.result().statuses).toEqual({ '200': 1, '500': 1 });
  });
});

describe('hostOfUrl on plain URLs', () => {
  /** The authority parse hostOfUrl applies to every URL: the reference for its plain-URL shortcut. */
  function authorityHost(url: string): string {
    const found = url.indexOf('://');
    const scheme = found > 0 && /^[a-z][a-z0-9+.-]*$/i.test(url.slice(0, found)) ? found : -1;
    const start = scheme >= 0 ? scheme + 3 : 0;
    const stop = url.slice(start).search(/[/?#]/);
    let authority = url.slice(start, stop < 0 ? url.length : start + stop);
    authority = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
    const isHttps = scheme < 0 || ['https', 'wss'].includes(url.slice(0, scheme).toLowerCase());
    const defaultPort = isHttps ? ':443' : ':80';
    return authority.endsWith(defaultPort) ? authority.slice(0, -defaultPort.length) : authority;
  }

  it('agrees with the authority parse, whatever URL came before', () => {
    const schemes = ['https://', 'http://', 'HTTP://', 'wss://', ''];
    const hosts = ['Login.MicrosoftOnline.com', 'api.contoso.com', 'localhost', '10.0.0.1', 'u@h.com', 'xn--bcher-kva.de'];
    const ports = ['', ':443', ':80', ':8080', ':0443'];
    const tails = ['', '/', '/a/B?x=1', '?q', '#f', '/../x'];
    for (const s of schemes) for (const h of hosts) for (const p of ports) for (const t of tails) {
      const url = `${s}${h}${p}${t}`;
      expect(hostOfUrl(url)).toBe(authorityHost(url));
    }
  });
});
