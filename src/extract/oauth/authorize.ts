import type { Entry } from '../../model/index.js';
import { allHeaders } from '../util/headers.js';
import { oauthErrorFromParams } from '../errors/oauth-error.js';
import type { AuthorizeRequest, AuthorizeResponse } from '../session.js';
import { bodyText, isFormBody } from '../util/body.js';
import { hostOf, parseParams, pathOf, urlParams } from '../util/url.js';

const AUTHORIZE_PATH = /\/oauth2\/(v2\.0\/)?authorize\/?$|\/authorize\/?$|\/oauth2\/(v2\.0\/)?authorize\/\w+/;
const TENANT_SEGMENT = /^\/([^/]+)\/oauth2/i;

export function authorizeRequestOf(entry: Entry): AuthorizeRequest | undefined {
  const path = pathOf(entry.request.url);
  if (!AUTHORIZE_PATH.test(path)) return undefined;
  let p = urlParams(entry.request.url).query;
  if (entry.request.method.toUpperCase() === 'POST' && isFormBody(entry)) p = new Map([...p, ...parseParams(bodyText(entry.request.body) ?? '')]);
  if (!p.has('client_id') || !p.has('response_type')) return undefined;
  const req: AuthorizeRequest = { entry: { input: entry.input, index: entry.index }, sentAt: entry.startedAt, host: hostOf(entry.request.url) };
  const tenant = TENANT_SEGMENT.exec(path)?.[1];
  if (tenant) req.tenant = tenant;
  const fields: [keyof AuthorizeRequest, string][] = [
    ['clientId', 'client_id'],
    ['redirectUri', 'redirect_uri'],
    ['responseType', 'response_type'],
    ['responseMode', 'response_mode'],
    ['scope', 'scope'],
    ['state', 'state'],
    ['nonce', 'nonce'],
    ['codeChallenge', 'code_challenge'],
    ['prompt', 'prompt'],
    ['claims', 'claims'],
  ];
  for (const [key, name] of fields) {
    const v = p.get(name);
    if (v !== undefined) (req as unknown as Record<string, unknown>)[key] = v;
  }
  return req;
}

function looksLikeAuthResponse(params: Map<string, string>): boolean {
  return (
    (params.has('state') && (params.has('code') || params.has('id_token') || params.has('access_token') || params.has('error'))) ||
    (params.has('error') && params.has('error_description')) ||
    (params.has('code') && params.has('session_state'))
  );
}

/**
 * Authorization responses visible in an entry: the redirect it answered with
 * (Location / redirectURL: query or fragment), its own URL (the browser
 * arriving at the redirect URI), or a form_post body it sent.
 * Token values are not resolved here; the extractor links them.
 */
export interface AuthorizeResponseParams {
  via: AuthorizeResponse['via'];
  /** Redirect URI the parameters were delivered to (scheme, host, path). */
  target?: string;
  params: Map<string, string>;
}

/** Scheme, host and path of a URL (relative Locations resolved against the request URL). */
export function redirectTarget(url: string, base: string): string | undefined {
  try {
    const u = new URL(url, base);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return undefined;
  }
}

function withTarget(r: Omit<AuthorizeResponseParams, 'target'>, target: string | undefined): AuthorizeResponseParams {
  return target ? { ...r, target } : r;
}

export function authorizeResponsesOf(entry: Entry): AuthorizeResponseParams[] {
  const out: AuthorizeResponseParams[] = [];
  const url = entry.request.url;
  const locations = new Set(allHeaders(entry.response.headers, 'location'));
  if (entry.response.redirectURL) locations.add(entry.response.redirectURL);
  for (const loc of locations) {
    const p = urlParams(loc);
    const target = redirectTarget(loc, url);
    if (looksLikeAuthResponse(p.query)) out.push(withTarget({ via: 'location-query', params: p.query }, target));
    if (looksLikeAuthResponse(p.fragment)) out.push(withTarget({ via: 'location-fragment', params: p.fragment }, target));
  }
  const own = urlParams(url).query;
  if (looksLikeAuthResponse(own) && !AUTHORIZE_PATH.test(pathOf(url))) out.push(withTarget({ via: 'url-query', params: own }, redirectTarget(url, url)));
  if (entry.request.method.toUpperCase() === 'POST' && isFormBody(entry)) {
    const form = parseParams(bodyText(entry.request.body) ?? '');
    if (looksLikeAuthResponse(form) && !form.has('grant_type')) out.push(withTarget({ via: 'form_post', params: form }, redirectTarget(url, url)));
  }
  return out;
}

export { oauthErrorFromParams };
