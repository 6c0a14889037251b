/** One Entry (with its bodies read back) as a sanitized HAR 1.2 entry object. */
import type { BodyRef, Entry, Header } from '../../model/index.js';
import { redactHeader, redactText, redactUrl, type RedactionStyle } from '../redact.js';
import type { PiiMasker } from './pii.js';

export interface SanitizeContext {
  style: RedactionStyle;
  pii?: PiiMasker;
  readBody(ref: BodyRef): Promise<Buffer>;
}

function clean(ctx: SanitizeContext, s: string): string {
  return ctx.pii ? ctx.pii.text(s) : s;
}

function headers(ctx: SanitizeContext, list: Header[]): Header[] {
  return list.map((h) => ({ name: h.name, value: clean(ctx, redactHeader(h.name, h.value, ctx.style)) }));
}

function queryString(url: string): { name: string; value: string }[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  return [...new URLSearchParams(url.slice(q + 1, hash < 0 ? undefined : hash))].map(([name, value]) => ({ name, value }));
}

function cookies(list: Header[], name: 'cookie' | 'set-cookie'): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const h of list) {
    if (h.name.toLowerCase() !== name) continue;
    const pairs = name === 'cookie' ? h.value.split(';') : [h.value.split(';', 1)[0] ?? ''];
    for (const p of pairs) {
      const eq = p.indexOf('=');
      if (eq > 0) out.push({ name: p.slice(0, eq).trim(), value: p.slice(eq + 1).trim() });
    }
  }
  return out;
}

async function bodyContent(ctx: SanitizeContext, body: BodyRef | undefined): Promise<{ text?: string; encoding?: string; size: number; comment?: string }> {
  if (!body) return { size: 0 };
  if (body.text !== undefined && !body.binary) return { text: clean(ctx, redactText(body.text, ctx.style)), size: body.size };
  if (!body.location) return body.problem ? { size: body.size, comment: body.problem } : { size: body.size };
  const bytes = await ctx.readBody(body);
  if (body.binary) return { text: bytes.toString('base64'), encoding: 'base64', size: bytes.length };
  return { text: clean(ctx, redactText(bytes.toString('utf8'), ctx.style)), size: bytes.length };
}

export async function harEntryOf(ctx: SanitizeContext, e: Entry): Promise<Record<string, unknown>> {
  const url = clean(ctx, redactUrl(e.request.url, ctx.style));
  const reqHeaders = headers(ctx, e.request.headers);
  const resHeaders = headers(ctx, e.response.headers);
  const request: Record<string, unknown> = {
    method: e.request.method,
    url,
    httpVersion: e.request.httpVersion || 'HTTP/1.1',
    headers: reqHeaders,
    queryString: queryString(url),
    cookies: cookies(reqHeaders, 'cookie'),
    headersSize: -1,
    bodySize: e.request.body ? e.request.body.size : 0,
  };
  if (e.request.body) {
    const c = await bodyContent(ctx, e.request.body);
    request.postData = { mimeType: e.request.body.mimeType || 'application/octet-stream', text: c.encoding ? '' : (c.text ?? ''), ...(c.comment ? { comment: c.comment } : {}) };
  }
  const content = await bodyContent(ctx, e.response.body);
  const response: Record<string, unknown> = {
    status: e.response.status,
    statusText: e.response.statusText ?? '',
    httpVersion: e.response.httpVersion || 'HTTP/1.1',
    headers: resHeaders,
    cookies: cookies(resHeaders, 'set-cookie'),
    content: { size: content.size, mimeType: e.response.body?.mimeType ?? 'x-unknown', ...(content.text !== undefined ? { text: content.text } : {}), ...(content.encoding ? { encoding: content.encoding } : {}), ...(content.comment ? { comment: content.comment } : {}) },
    redirectURL: e.response.redirectURL ? clean(ctx, redactUrl(e.response.redirectURL, ctx.style)) : '',
    headersSize: -1,
    bodySize: -1,
  };
  if (e.response.error) response._error = e.response.error;
  const timings = { blocked: -1, dns: -1, connect: -1, send: 0, wait: Math.max(0, e.durationMs), receive: 0, ssl: -1 };
  const entry: Record<string, unknown> = {
    startedDateTime: new Date(e.startedAt).toISOString(),
    time: Math.max(0, e.durationMs),
    request,
    response,
    cache: {},
    timings,
  };
  if (e.serverIp) entry.serverIPAddress = clean(ctx, e.serverIp);
  return entry;
}
