/**
 * Key sets given with --jwks: a JWKS document, an OpenID configuration, or a
 * single JWK, read from local files (never fetched).
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../ingest/index.js';
import { jwksFrom, type JwksSnapshot, type OidcMetadata } from '../extract/index.js';

export interface ExtraKeySet {
  jwks?: JwksSnapshot;
  oidc?: OidcMetadata;
}

export async function loadKeySetFile(path: string): Promise<ExtraKeySet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError('jwks-unreadable', `${path}: cannot read key set file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new InputError('jwks-not-json', `${path}: not a JSON key set (JWKS or openid-configuration)`);
  }
  const obj = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const keys = jwksFrom(obj) ?? (typeof obj.kty === 'string' ? jwksFrom({ keys: [obj] }) : undefined);
  if (keys) {
    const issuers = [...new Set(keys.map((k) => k.issuer).filter((i): i is string => typeof i === 'string'))];
    return {
      jwks: { entry: 'cli', uri: `file:${path}`, fetchedAt: 0, kids: keys.map((k) => String(k.kid ?? k.x5t ?? '')).filter(Boolean), keys, issuers },
    };
  }
  if (typeof obj.issuer === 'string') {
    const m: OidcMetadata = { entry: 'cli', uri: `file:${path}`, fetchedAt: 0, issuer: obj.issuer };
    if (typeof obj.jwks_uri === 'string') m.jwksUri = obj.jwks_uri;
    return { oidc: m };
  }
  throw new InputError('jwks-invalid', `${path}: neither a JWKS ({"keys":[…]}) nor an OpenID configuration`);
}
