import type { Entry } from '../../model/index.js';
import { bodyText, isFormBody, jsonWorthParsing } from '../util/body.js';
import { parseParams, urlParams } from '../util/url.js';
import { candidatesFromParams, isJwtString, jwtsInText, type TokenCandidate } from './candidates.js';

/** Request headers that are never token carriers worth scanning (speed). */
const SKIP_HEADERS = new Set(['authorization', 'cookie', 'user-agent', 'accept', 'accept-language', 'accept-encoding', 'content-type', 'content-length', 'host', ':authority', ':method', ':scheme', ':path', 'origin', 'connection', 'sec-ch-ua', 'sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest', 'priority', 'cache-control', 'pragma']);

/** A `code` parameter is an authorization code only next to OAuth response parameters. */
function dropStrayCodes(params: Map<string, string>): Map<string, string> {
  if (!params.has('code') || params.has('state') || params.has('session_state') || params.has('client_info') || params.has('grant_type')) return params;
  const copy = new Map(params);
  copy.delete('code');
  return copy;
}

export interface RequestTokenScan {
  candidates: TokenCandidate[];
  /** `Authorization: Bearer` with nothing after it. */
  emptyBearer: boolean;
  /** The first Authorization header's value (any scheme), as headerValue gives it; undefined without one. */
  authorization: string | undefined;
  /** A Cookie header was sent. */
  cookie: boolean;
}

export function requestCandidates(entry: Entry): RequestTokenScan {
  const out: TokenCandidate[] = [];
  let emptyBearer = false;
  let authorization: string | undefined;
  let cookie = false;
  for (const h of entry.request.headers) {
    const len = h.name.length;
    // Lower-casing changes a name's length only for U+0130, which none of these names holds:
    // only these lengths can name authorization, cookie or referer. Other headers matter
    // only when they hold a JWT.
    if (len !== 13 && len !== 6 && len !== 7) {
      if (!h.value.includes('eyJ')) continue;
      const other = h.name.toLowerCase();
      if (!SKIP_HEADERS.has(other)) for (const v of jwtsInText(h.value, 4)) out.push({ value: v, where: 'header', field: other });
      continue;
    }
    const name = h.name.toLowerCase();
    if (name === 'authorization') {
      if (authorization === undefined) authorization = h.value;
      const m = /^\s*(Bearer|PoP)\b\s*(.*)$/i.exec(h.value);
      if (m) {
        const value = (m[2] ?? '').trim();
        const scheme = m[1]!.toLowerCase() === 'bearer' ? 'bearer' : 'pop';
        if (value) out.push({ value, where: 'authorization', field: scheme, kindHint: 'access' });
        else emptyBearer = true;
      }
    } else if (name === 'cookie') {
      cookie = true;
      for (const pair of h.value.split(';')) {
        const eq = pair.indexOf('=');
        const v = eq < 0 ? '' : pair.slice(eq + 1).trim();
        if (isJwtString(v)) out.push({ value: v, where: 'cookie', field: pair.slice(0, eq).trim() });
      }
    } else if (name === 'referer') {
      const p = urlParams(h.value);
      for (const c of [...candidatesFromParams(dropStrayCodes(p.query), 'header'), ...candidatesFromParams(p.fragment, 'header')]) {
        out.push({ ...c, field: 'referer' });
      }
    } else if (!SKIP_HEADERS.has(name) && h.value.includes('eyJ')) {
      for (const v of jwtsInText(h.value, 4)) out.push({ value: v, where: 'header', field: name });
    }
  }
  const p = urlParams(entry.request.url);
  out.push(...candidatesFromParams(dropStrayCodes(p.query), 'query'));
  out.push(...candidatesFromParams(p.fragment, 'fragment'));

  const text = bodyText(entry.request.body);
  if (text) {
    if (isFormBody(entry)) {
      const form = dropStrayCodes(parseParams(text));
      const isFormPost = form.has('state') && (form.has('id_token') || form.has('code') || form.has('error'));
      out.push(...candidatesFromParams(form, isFormPost ? 'form_post' : 'body'));
    } else {
      const json = jsonWorthParsing(text);
      if (json) out.push(...candidatesFromParams(flatStrings(json), 'body', false));
      else for (const v of jwtsInText(text, 20)) out.push({ value: v, where: 'body' });
    }
  } else {
    for (const f of entry.request.body?.fragments ?? []) for (const v of jwtsInText(f, 20)) out.push({ value: v, where: 'body' });
  }
  return { candidates: out, emptyBearer, authorization, cookie };
}

/** String members of a JSON object, flattened a few levels deep (bounded). */
export function flatStrings(obj: Record<string, unknown>, depth = 0, out = new Map<string, string>()): Map<string, string> {
  if (depth > 4 || out.size > 500) return out;
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') {
      if (!out.has(k)) out.set(k, v);
    } else if (v && typeof v === 'object') {
      if (Array.isArray(v)) {
        for (const item of v.slice(0, 50)) if (item && typeof item === 'object') flatStrings(item as Record<string, unknown>, depth + 1, out);
      } else flatStrings(v as Record<string, unknown>, depth + 1, out);
    }
  }
  return out;
}
