/**
 * Counts for the report summary, gathered while entries stream past: the CLI
 * feeds every entry of a 1 GB trace through `add`, so it keeps only counters
 * and does no URL parsing beyond finding the authority.
 */
import type { Entry } from '../model/entry.js';
import { simpleHostOf } from '../extract/index.js';

export interface EntryStatsResult {
  entries: number;
  /** [first request start, last response end], epoch ms; null when no entry had a usable time. */
  timeRange: [number, number] | null;
  /** Busiest first, ties by name; at most `maxHosts`. */
  hosts: { host: string; entries: number }[];
  /** Entry counts by response status; "0" = no response. */
  statuses: Record<string, number>;
}

export interface EntryStats {
  add(entry: Entry): void;
  result(): EntryStatsResult;
}

/**
 * Host of a request URL, lower case, without user info or a default port.
 * Also handles `CONNECT host:443` style targets (Fiddler tunnels) that have no scheme.
 */
export function hostOfUrl(url: string): string {
  // A plain http(s) URL's host is what the parsing below gives: lower case, no default port.
  const simple = simpleHostOf(url);
  if (simple !== undefined) return simple;
  const found = url.indexOf('://');
  // A "://" inside a query (`?redirect_uri=https://...`) of a scheme-less target is not a scheme.
  const scheme = found > 0 && /^[a-z][a-z0-9+.-]*$/i.test(url.slice(0, found)) ? found : -1;
  const start = scheme >= 0 ? scheme + 3 : 0;
  let end = url.length;
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) {
      end = i;
      break;
    }
  }
  let authority = url.slice(start, end);
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  authority = authority.toLowerCase();
  const isHttps = scheme < 0 || url.slice(0, scheme).toLowerCase() === 'https' || url.slice(0, scheme).toLowerCase() === 'wss';
  const defaultPort = isHttps ? ':443' : ':80';
  if (authority.endsWith(defaultPort)) authority = authority.slice(0, -defaultPort.length);
  return authority;
}

export function createEntryStats(options: { maxHosts?: number } = {}): EntryStats {
  const maxHosts = options.maxHosts ?? 20;
  const hostCounts = new Map<string, number>();
  const statuses: Record<string, number> = {};
  let entries = 0;
  let first = Infinity;
  let last = -Infinity;

  return {
    add(entry: Entry): void {
      entries++;
      const host = hostOfUrl(entry.request.url) || '(no host)';
      hostCounts.set(host, (hostCounts.get(host) ?? 0) + 1);
      const status = String(entry.response.status);
      statuses[status] = (statuses[status] ?? 0) + 1;
      const start = entry.startedAt;
      // 0 (or less) means the reader had no time for this entry (a SAZ without timers).
      if (!Number.isFinite(start) || start <= 0) return;
      const end = start + (entry.durationMs > 0 ? entry.durationMs : 0);
      if (start < first) first = start;
      if (end > last) last = end;
    },
    result(): EntryStatsResult {
      const hosts = [...hostCounts]
        .map(([host, count]) => ({ host, entries: count }))
        .sort((a, b) => b.entries - a.entries || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0))
        .slice(0, maxHosts);
      return {
        entries,
        timeRange: entries && Number.isFinite(first) ? [first, last] : null,
        hosts,
        statuses: { ...statuses },
      };
    },
  };
}
