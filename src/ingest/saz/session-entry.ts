/**
 * One SAZ session (request bytes, response bytes, metadata) as an Entry,
 * shaped like Fiddler shows it: CONNECT tunnels and WebSocket upgrades are
 * entries of their own, Fiddler's synthetic error responses carry an error.
 */
import { headerValue, type Entry, type EntryRequest, type EntryResponse } from '../../model/index.js';
import { requestUrl, splitAuthority, type ParsedResponse } from '../http/index.js';
import type { HeaderInterner } from '../intern.js';
import {
  BIT_IS_BLIND_TUNNEL,
  BIT_IS_DECRYPTING_TUNNEL,
  BIT_IS_HTTPS,
  BIT_RESPONSE_GENERATED_BY_FIDDLER,
  type SessionMetadata,
} from './metadata.js';
import { bodyRefOf } from './session-bodies.js';
import type { PreparedRequest, PreparedResponse } from './session-messages.js';
import type { SazSession } from './sessions.js';

export interface SessionParts {
  /** undefined when the request could not be read or parsed. */
  request?: PreparedRequest;
  requestTruncated?: boolean;
  /** 'none': no _s.txt, an empty one, or one that could not be read. */
  response: PreparedResponse | 'none' | 'unreadable';
  responseTruncated?: boolean;
  metadata?: SessionMetadata;
  webSocketMessages?: number;
}

export interface EntryContext {
  input: number;
  /** 1-based position in session-number order. */
  index: number;
  path: string;
  session: SazSession;
  /** Hosts reached through a TLS CONNECT tunnel so far: their origin-form requests are HTTPS. */
  tlsTunnelHosts: Set<string>;
  /** Start time to use when the session has no timers (the previous session's). */
  fallbackStartedAt: number;
  /** Shares repeated short strings (flags, process names) between the entries of this file. */
  interner?: HeaderInterner;
}

/** SessionFlags worth showing, under the names the UI uses. */
const FLAG_META: Record<string, string> = {
  'x-clientip': 'clientIp',
  'x-clientport': 'clientPort',
  'x-processinfo': 'process',
  'ui-comments': 'comment',
  'x-hostip': 'serverIp',
  'x-egressport': 'egressPort',
  'x-responsebodytransferlength': 'responseBodyTransferLength',
  'https-client-snihostname': 'sniHost',
  'x-failsession-when': 'failedWhen',
  'x-aborted-when': 'abortedWhen',
  'x-httpprotocol-violation': 'protocolViolation',
};

function buildRequest(parts: SessionParts, ctx: EntryContext, https: boolean, problems: string[]): EntryRequest {
  const parsed = parts.request?.parsed;
  if (!parsed) {
    problems.push('request line not readable');
    return { method: 'UNKNOWN', url: 'http://unknown-host/', httpVersion: '', headers: [] };
  }
  const isConnect = parsed.method.toUpperCase() === 'CONNECT';
  let tunnelHttps = false;
  if (!isConnect && !/^[a-z][a-z0-9+.-]*:\/\//i.test(parsed.target)) {
    const host = splitAuthority(headerValue(parsed.headers, 'host') ?? '').host.toLowerCase();
    tunnelHttps = ctx.tlsTunnelHosts.has(host);
  }
  const url = requestUrl(parsed.method, parsed.target, parsed.headers, { https: https || tunnelHttps });
  if (url.problem) problems.push(url.problem);
  if (isConnect) {
    const { host, port } = splitAuthority(parsed.target);
    if (port !== 80) ctx.tlsTunnelHosts.add(host.toLowerCase());
  }
  const request: EntryRequest = { method: parsed.method, url: url.url, httpVersion: parsed.httpVersion, headers: parsed.headers };
  const body = bodyRefOf(parts.request!, ctx.path, ctx.session.request.name, parts.requestTruncated === true);
  if (body) request.body = body;
  return request;
}

/**
 * Fiddler answers failed sessions itself (502 "[Fiddler] The connection to ...
 * failed.", 408 "The request body did not contain..."): that text is the error.
 * Known by the ResponseGeneratedByFiddler bit, or the "[Fiddler]" prefix when
 * there is no metadata.
 */
function fiddlerError(parsed: ParsedResponse, text: string | undefined, meta: SessionMetadata | undefined): string | undefined {
  if (parsed.status < 400) return undefined;
  const generated = meta ? (meta.bitFlags & BIT_RESPONSE_GENERATED_BY_FIDDLER) !== 0 : (text ?? '').trimStart().startsWith('[Fiddler]');
  if (!generated) return undefined;
  const firstLine = (text ?? '').split('\n').map((l) => l.trim()).find((l) => l !== '');
  return (firstLine ?? parsed.statusText).slice(0, 200);
}

function buildResponse(parts: SessionParts, ctx: EntryContext, problems: string[]): EntryResponse {
  if (parts.response === 'none') {
    return { status: 0, statusText: '', httpVersion: '', headers: [], error: 'no response' };
  }
  if (parts.response === 'unreadable') {
    problems.push('status line not readable');
    return { status: 0, statusText: '', httpVersion: '', headers: [], error: 'unreadable response' };
  }
  const { parsed } = parts.response;
  const response: EntryResponse = { status: parsed.status, statusText: parsed.statusText, httpVersion: parsed.httpVersion, headers: parsed.headers };
  const body = bodyRefOf(parts.response, ctx.path, ctx.session.response!.name, parts.responseTruncated === true);
  if (body) response.body = body;
  const location = headerValue(parsed.headers, 'location');
  if (location !== undefined && parsed.status >= 300 && parsed.status < 400) response.redirectURL = location;
  const error = fiddlerError(parsed, response.body?.text, parts.metadata);
  if (error) response.error = error;
  return response;
}

function buildMeta(parts: SessionParts, ctx: EntryContext): Record<string, string> {
  const meta: Record<string, string> = { sazNumber: ctx.session.key };
  const md = parts.metadata;
  if (md) {
    const shared = (v: string): string => ctx.interner?.string(v) ?? v;
    if (md.sid !== undefined) meta.sazSessionId = md.sid;
    if (md.bitFlagsText !== undefined) meta.sazBitFlags = shared(md.bitFlagsText);
    if (md.bitFlags & BIT_IS_BLIND_TUNNEL) meta.tunnel = 'blind';
    else if (md.bitFlags & BIT_IS_DECRYPTING_TUNNEL) meta.tunnel = 'decrypting';
    for (const [flag, name] of Object.entries(FLAG_META)) {
      const value = md.flags.get(flag);
      if (value !== undefined && value !== '') meta[name] = shared(value.slice(0, 500));
    }
  }
  if (parts.webSocketMessages !== undefined) meta.webSocketMessages = String(parts.webSocketMessages);
  return meta;
}

export function buildEntry(parts: SessionParts, ctx: EntryContext): { entry: Entry; problems: string[] } {
  const problems: string[] = [];
  const md = parts.metadata;
  const https = md !== undefined && (md.bitFlags & BIT_IS_HTTPS) !== 0;
  const entry: Entry = {
    input: ctx.input,
    index: ctx.index,
    startedAt: md?.startedAt ?? ctx.fallbackStartedAt,
    durationMs: md?.durationMs ?? -1,
    request: buildRequest(parts, ctx, https, problems),
    response: buildResponse(parts, ctx, problems),
    source: 'saz',
    meta: buildMeta(parts, ctx),
  };
  if (md && Object.keys(md.timers).length > 0) entry.timers = md.timers;
  const serverIp = md?.flags.get('x-hostip');
  if (serverIp) entry.serverIp = ctx.interner?.string(serverIp) ?? serverIp;
  return { entry, problems };
}
