import type { Entry } from '../../model/index.js';
import { firstHeader } from '../util/headers.js';
import type { ClockSample } from '../session.js';
import { receivedAt } from '../util/body.js';
import { originOf } from '../util/url.js';

/** Entries close in time share their Date header: the last one's parse is remembered. */
let lastDate: string | undefined;
let lastDateMs = NaN;

function parseDate(date: string): number {
  if (date !== lastDate) {
    lastDateMs = Date.parse(date);
    lastDate = date;
  }
  return lastDateMs;
}

/**
 * A Date-header observation, or undefined when the header says nothing about
 * the server's clock right now: no response, served from a cache (browser
 * cache, or a shared cache that added `Age`), a proxy's own CONNECT answer,
 * an unknown duration, or an unparsable date.
 */
export function clockSampleOf(entry: Entry): ClockSample | undefined {
  if (entry.response.status <= 0 || entry.startedAt <= 0) return undefined;
  if (entry.request.method.toUpperCase() === 'CONNECT') return undefined;
  // Without a duration the response could have come back any time later: no interval to bound the clock with.
  if (!(entry.durationMs >= 0)) return undefined;
  if (entry.meta?.fromCache && entry.meta.fromCache !== 'false' && entry.meta.fromCache !== '') return undefined;
  // A service worker replays stored responses with their old Date (Chrome: _fetchedViaServiceWorker).
  if (entry.meta?.fromServiceWorker === 'true') return undefined;
  const date = firstHeader(entry.response.headers, 'date');
  if (!date || firstHeader(entry.response.headers, 'age') !== undefined) return undefined;
  const serverMs = parseDate(date);
  if (!Number.isFinite(serverMs)) return undefined;
  return {
    entry: { input: entry.input, index: entry.index },
    origin: originOf(entry.request.url),
    serverMs,
    sentAt: entry.startedAt,
    receivedAt: receivedAt(entry),
  };
}
