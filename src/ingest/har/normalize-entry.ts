/**
 * One parsed HAR entry turned into the normalized `Entry`. Never throws on odd
 * shapes: what cannot be read gets a neutral value and a problem note, which the
 * reader aggregates into `har-entry-invalid` warnings.
 */
import type { Entry, EntryRequest, EntryResponse } from '../../model/index.js';
import { parseHarTime } from './iso-time.js';
import { asObject, asText, finiteNumber, optionalText } from './json-values.js';
import { requestBody, responseBody } from './normalize-body.js';
import type { NormalizeContext } from './normalize-context.js';
import { normalizeHeaders } from './normalize-headers.js';

/** `fallbackStartedAt`: used when the entry's own time is unreadable (keeps the timeline in file order). */
export function normalizeEntry(raw: unknown, index: number, fallbackStartedAt: number, ctx: NormalizeContext): Entry {
  let e = asObject(raw);
  if (!e) {
    ctx.problems.push('entry is not an object');
    e = {};
  }
  let startedAt = parseHarTime(e.startedDateTime);
  if (Number.isNaN(startedAt)) {
    ctx.problems.push('startedDateTime missing or not an ISO 8601 time');
    startedAt = fallbackStartedAt;
  }
  const time = finiteNumber(e.time);
  const entry: Entry = {
    input: ctx.input,
    index,
    startedAt,
    durationMs: time !== undefined && time >= 0 ? time : -1,
    request: normalizeRequest(e.request, ctx),
    response: normalizeResponse(e.response, e._error, ctx),
    source: 'har',
  };
  const ip = optionalText(e.serverIPAddress, ctx);
  if (ip) entry.serverIp = ctx.interner.string(ip.replace(/^\[(.*)\]$/, '$1'));
  const timers = normalizeTimings(e.timings);
  if (timers) entry.timers = timers;
  const meta = collectMeta(e, ctx);
  if (meta) entry.meta = meta;
  return entry;
}

function normalizeRequest(v: unknown, ctx: NormalizeContext): EntryRequest {
  let r = asObject(v);
  if (!r) {
    ctx.problems.push('request missing or not an object');
    r = {};
  }
  if (typeof r.url !== 'string') ctx.problems.push('request.url missing or not a string');
  const headers = normalizeHeaders(r.headers, ctx, 'request.headers');
  const request: EntryRequest = {
    method: asText(r.method, ctx),
    url: asText(r.url, ctx),
    httpVersion: asText(r.httpVersion, ctx),
    headers,
  };
  const body = requestBody(r.postData, headers, ctx);
  if (body) request.body = body;
  return request;
}

function normalizeResponse(v: unknown, entryError: unknown, ctx: NormalizeContext): EntryResponse {
  let r = asObject(v);
  if (!r) {
    ctx.problems.push('response missing or not an object');
    r = {};
  }
  let status = finiteNumber(r.status);
  if (status === undefined) {
    if (r.status !== undefined) ctx.problems.push('response.status is not a number');
    status = 0;
  }
  const headers = normalizeHeaders(r.headers, ctx, 'response.headers');
  const response: EntryResponse = {
    status: status < 0 ? 0 : Math.trunc(status),
    statusText: asText(r.statusText, ctx),
    httpVersion: asText(r.httpVersion, ctx),
    headers,
  };
  const body = responseBody(r.content, headers, ctx);
  if (body) response.body = body;
  const redirect = optionalText(r.redirectURL, ctx);
  if (redirect) response.redirectURL = redirect;
  const error = optionalText(r._error ?? entryError, ctx);
  if (error) response.error = error;
  return response;
}

function normalizeTimings(v: unknown): Record<string, number> | undefined {
  const t = asObject(v);
  if (!t) return undefined;
  const out: Record<string, number> = {};
  let any = false;
  for (const name in t) {
    const value = t[name];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      out[name] = value;
      any = true;
    }
  }
  return any ? out : undefined;
}

/** Producer extras worth showing; names are the display names other stages use. */
function collectMeta(e: Record<string, unknown>, ctx: NormalizeContext): Record<string, string> | undefined {
  const meta: Record<string, string> = {};
  const put = (name: string, value: unknown): void => {
    const s = optionalText(value, ctx);
    if (s) meta[name] = ctx.interner.string(s);
  };
  put('resourceType', e._resourceType);
  const initiator = asObject(e._initiator);
  if (initiator) {
    put('initiator', initiator.type);
    put('initiatorUrl', initiator.url);
  }
  put('pageref', e.pageref);
  if (e._fromCache !== undefined && e._fromCache !== false) put('fromCache', e._fromCache);
  // Chrome marks responses a service worker answered (often replayed from its cache, with their old Date).
  if (asObject(e.response)?._fetchedViaServiceWorker === true) meta.fromServiceWorker = 'true';
  put('connection', e.connection);
  put('comment', e.comment);
  if (Array.isArray(e._webSocketMessages)) meta.webSocketMessages = String(e._webSocketMessages.length);
  return Object.keys(meta).length > 0 ? meta : undefined;
}
