import type { Entry } from '../../model/index.js';
import type { JsonWebKeyLike, JwksSnapshot, MetadataFetch, OidcMetadata } from '../session.js';
import { receivedAt, str } from '../util/body.js';
import { pathOf, urlParams } from '../util/url.js';

const JWKS_PATH = /\/discovery\/(v2\.0\/)?keys$|\/jwks(\.json)?$|\/keys$|\/certs$|\/\.well-known\/jwks(\.json)?$/;
const OIDC_PATH = /\/\.well-known\/openid-configuration$|\/\.well-known\/oauth-authorization-server$/;

export function metadataKindOf(url: string): MetadataFetch['kind'] | undefined {
  const path = pathOf(url);
  if (OIDC_PATH.test(path)) return 'openid-configuration';
  if (JWKS_PATH.test(path)) return 'jwks';
  return undefined;
}

function isJwk(v: unknown): v is JsonWebKeyLike {
  return !!v && typeof v === 'object' && typeof (v as { kty?: unknown }).kty === 'string';
}

/** A JWKS document (`{"keys":[{kty…}]}`), whatever URL served it. */
export function jwksFrom(json: Record<string, unknown> | undefined): JsonWebKeyLike[] | undefined {
  const keys = json?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every(isJwk)) return undefined;
  return keys;
}

export function jwksSnapshot(entry: Entry, json: Record<string, unknown> | undefined): JwksSnapshot | undefined {
  if (entry.response.status < 200 || entry.response.status >= 300) return undefined;
  const keys = jwksFrom(json);
  if (!keys) return undefined;
  const issuers = [...new Set(keys.map((k) => k.issuer).filter((i): i is string => typeof i === 'string'))];
  const snap: JwksSnapshot = {
    entry: { input: entry.input, index: entry.index },
    uri: entry.request.url,
    fetchedAt: receivedAt(entry),
    kids: keys.map((k) => (typeof k.kid === 'string' ? k.kid : typeof k.x5t === 'string' ? k.x5t : '')).filter(Boolean),
    keys,
    issuers,
  };
  const appId = urlParams(entry.request.url).query.get('appid');
  if (appId) snap.appId = appId;
  return snap;
}

export function oidcMetadata(entry: Entry, json: Record<string, unknown> | undefined): OidcMetadata | undefined {
  if (!json || typeof json.issuer !== 'string' || (typeof json.jwks_uri !== 'string' && typeof json.token_endpoint !== 'string')) return undefined;
  const m: OidcMetadata = { entry: { input: entry.input, index: entry.index }, uri: entry.request.url, fetchedAt: receivedAt(entry), issuer: json.issuer };
  const jwksUri = str(json.jwks_uri);
  if (jwksUri) m.jwksUri = jwksUri;
  const tokenEndpoint = str(json.token_endpoint);
  if (tokenEndpoint) m.tokenEndpoint = tokenEndpoint;
  const authorizationEndpoint = str(json.authorization_endpoint);
  if (authorizationEndpoint) m.authorizationEndpoint = authorizationEndpoint;
  return m;
}

export function metadataFetch(entry: Entry): MetadataFetch | undefined {
  return metadataFetchOfKind(entry, metadataKindOf(entry.request.url));
}

/** metadataFetch when the caller already has metadataKindOf's answer for the request URL. */
export function metadataFetchOfKind(entry: Entry, kind: MetadataFetch['kind'] | undefined): MetadataFetch | undefined {
  if (!kind || entry.request.method.toUpperCase() === 'OPTIONS') return undefined;
  const f: MetadataFetch = { entry: { input: entry.input, index: entry.index }, kind, uri: entry.request.url, status: entry.response.status, time: entry.startedAt };
  if (entry.response.error) f.error = entry.response.error;
  return f;
}
