import type { Entry } from '../../model/index.js';
import { headerValue } from '../../model/index.js';
import { firstHeader } from '../util/headers.js';
import { oauthErrorFromJson } from '../errors/oauth-error.js';
import type { ClientAuth, TokenRequest } from '../session.js';
import { bodyText, isFormBody, str } from '../util/body.js';
import { hostOf, parseParams, pathOf } from '../util/url.js';

const TOKEN_PATH = /\/oauth2\/(v2\.0\/)?token\/?$|\/token\/?$|\/oauth\/token\/?$|\/connect\/token\/?$/;
const TENANT_SEGMENT = /^\/([^/]+)\/(?:oauth2|b2c_1|tfp)/i;

export function isTokenEndpointRequest(entry: Entry): boolean {
  if (entry.request.method.toUpperCase() !== 'POST') return false;
  const path = pathOf(entry.request.url);
  const text = bodyText(entry.request.body) ?? '';
  return (TOKEN_PATH.test(path) && (text.includes('grant_type') || text === '')) || /(^|&)grant_type=/.test(text.slice(0, 8192));
}

function clientAuthOf(form: Map<string, string>, authorization: string | undefined): ClientAuth {
  if (form.has('client_assertion')) {
    return form.get('client_assertion_type')?.includes('jwt-bearer') ? 'private_key_jwt' : 'client_assertion';
  }
  if (form.has('client_secret')) return 'client_secret_post';
  if (authorization && /^basic\s/i.test(authorization)) return 'client_secret_basic';
  if (form.has('client_id')) return 'none';
  return 'unknown';
}

function basicClientId(authorization: string | undefined): string | undefined {
  const m = authorization ? /^basic\s+(.+)$/i.exec(authorization) : null;
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? decodeURIComponent(decoded.slice(0, colon)) : undefined;
}

/** Facts of one token endpoint request/response (tokens are linked by the extractor). */
export function tokenRequestOf(entry: Entry, json: Record<string, unknown> | undefined): TokenRequest | undefined {
  if (!isTokenEndpointRequest(entry)) return undefined;
  const text = bodyText(entry.request.body) ?? '';
  const form = isFormBody(entry) || text.includes('grant_type=') ? parseParams(text) : new Map<string, string>();
  const authorization = headerValue(entry.request.headers, 'authorization');
  const path = pathOf(entry.request.url);
  const tenant = TENANT_SEGMENT.exec(path)?.[1];
  const req: TokenRequest = {
    entry: { input: entry.input, index: entry.index },
    sentAt: entry.startedAt,
    url: entry.request.url.split('?')[0] ?? '',
    host: hostOf(entry.request.url),
    endpointVersion: /\/oauth2\/v2\.0\/token/.test(path) ? 'v2' : /\/oauth2\/token/.test(path) ? 'v1' : 'other',
    clientAuth: clientAuthOf(form, authorization),
    sentTokens: [],
    status: entry.response.status,
    issuedTokens: [],
  };
  if (tenant) req.tenant = tenant;
  const grantType = form.get('grant_type');
  if (grantType) req.grantType = grantType;
  const clientId = form.get('client_id') ?? basicClientId(authorization);
  if (clientId) req.clientId = clientId;
  const scope = form.get('scope');
  if (scope) req.scope = scope;
  const resource = form.get('resource');
  if (resource) req.resource = resource;
  if (json) {
    const error = oauthErrorFromJson(json);
    if (error) req.error = error;
    const expiresIn = Number(str(json.expires_in));
    if (Number.isFinite(expiresIn) && expiresIn > 0) req.expiresIn = expiresIn;
  }
  const retryAfter = Number(firstHeader(entry.response.headers, 'retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) req.retryAfterSeconds = retryAfter;
  return req;
}
