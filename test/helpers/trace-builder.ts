/**
 * Builders for small traces in tests: real Entry objects, real signed JWTs
 * (jose), fed through the real extractor. Times are explicit; nothing reads
 * the wall clock.
 */
import type { webcrypto } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

type CryptoKey = webcrypto.CryptoKey;
import type { Entry, Header } from '../../src/model/index.js';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../src/model/index.js';
import { createExtractor, type Session } from '../../src/extract/index.js';

export const T0 = Date.parse('2024-05-01T10:00:00.000Z');
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const API_APP_ID = '99999999-8888-7777-6666-555555555555';
export const AUTHORITY = `https://login.microsoftonline.com/${TENANT}`;
export const ISSUER_V2 = `${AUTHORITY}/v2.0`;
export const ISSUER_V1 = `https://sts.windows.net/${TENANT}/`;

export interface Key {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function makeKey(kid: string, alg: 'RS256' | 'ES256' = 'RS256'): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg };
  return { kid, privateKey: privateKey as CryptoKey, publicJwk };
}

/** Sign claims with a key; `iat/nbf/exp` given in epoch seconds by the caller. */
export async function signToken(key: Key, claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const alg = (key.publicJwk.alg as string) ?? 'RS256';
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT', kid: key.kid, ...header }).sign(key.privateKey);
}

/** Typical Entra v2 access-token claims around `iatMs`, valid for an hour. */
export function accessClaims(iatMs: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = Math.floor(iatMs / 1000);
  return {
    aud: `api://${API_APP_ID}`,
    iss: ISSUER_V2,
    iat,
    nbf: iat,
    exp: iat + 3600,
    azp: CLIENT_ID,
    oid: 'aaaaaaaa-0000-0000-0000-000000000001',
    sub: 'subject-1',
    tid: TENANT,
    scp: 'Files.Read',
    ver: '2.0',
    ...extra,
  };
}

/** Replace the payload of a signed JWT (the signature no longer matches). */
export function tamperPayload(jwt: string, change: Record<string, unknown>): string {
  const [h, p, s] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const edited = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url');
  return `${h}.${edited}.${s}`;
}

export interface RequestSpec {
  method?: string;
  url: string;
  headers?: Record<string, string> | Header[];
  body?: string;
  bodyType?: string;
  status?: number;
  responseHeaders?: Record<string, string> | Header[];
  responseBody?: string;
  responseType?: string;
  durationMs?: number;
  /** Server clock minus client clock for the Date header, ms (default 0). */
  serverSkewMs?: number;
  /** Omit the Date header. */
  noDate?: boolean;
  redirectURL?: string;
  error?: string;
}

function headers(h: Record<string, string> | Header[] | undefined): Header[] {
  if (!h) return [];
  return Array.isArray(h) ? h : Object.entries(h).map(([name, value]) => ({ name, value }));
}

/** Builds entries one after the other; `wait()` moves the client clock. */
export class TraceBuilder {
  private now: number;
  private readonly entries: Entry[] = [];
  constructor(
    start = T0,
    private readonly input = 0,
  ) {
    this.now = start;
  }

  get time(): number {
    return this.now;
  }

  wait(seconds: number): this {
    this.now += seconds * 1000;
    return this;
  }

  add(spec: RequestSpec): Entry {
    const duration = spec.durationMs ?? 100;
    const resHeaders = headers(spec.responseHeaders);
    if (!spec.noDate && !resHeaders.some((x) => x.name.toLowerCase() === 'date')) {
      resHeaders.push({ name: 'Date', value: new Date(this.now + duration / 2 + (spec.serverSkewMs ?? 0)).toUTCString() });
    }
    const entry: Entry = {
      input: this.input,
      index: this.entries.length + 1,
      startedAt: this.now,
      durationMs: duration,
      source: 'har',
      request: { method: spec.method ?? (spec.body !== undefined ? 'POST' : 'GET'), url: spec.url, httpVersion: 'HTTP/1.1', headers: headers(spec.headers) },
      response: { status: spec.status ?? 200, statusText: '', httpVersion: 'HTTP/1.1', headers: resHeaders },
    };
    if (spec.body !== undefined) entry.request.body = { size: spec.body.length, mimeType: spec.bodyType ?? 'application/x-www-form-urlencoded', text: spec.body };
    if (spec.responseBody !== undefined) entry.response.body = { size: spec.responseBody.length, mimeType: spec.responseType ?? 'application/json', text: spec.responseBody };
    if (spec.redirectURL) entry.response.redirectURL = spec.redirectURL;
    if (spec.error) entry.response.error = spec.error;
    this.entries.push(entry);
    this.now += duration + 50;
    return entry;
  }

  /** A token endpoint call answered with the given tokens (or an error JSON). */
  tokenResponse(opts: { form: Record<string, string>; tokens?: Record<string, string | number>; error?: Record<string, unknown>; status?: number; v1?: boolean }): Entry {
    const path = opts.v1 ? '/oauth2/token' : '/oauth2/v2.0/token';
    const body = opts.error ?? { token_type: 'Bearer', expires_in: 3599, ...opts.tokens };
    return this.add({
      url: `${AUTHORITY}${path}`,
      body: new URLSearchParams(opts.form).toString(),
      status: opts.status ?? (opts.error ? 400 : 200),
      responseBody: JSON.stringify(body),
    });
  }

  /** An API call with a bearer token. */
  api(url: string, token: string | undefined, status = 200, responseHeaders: Record<string, string> = {}, responseBody?: string): Entry {
    const spec: RequestSpec = { url, headers: token ? { Authorization: `Bearer ${token}` } : {}, status, responseHeaders };
    if (responseBody !== undefined) spec.responseBody = responseBody;
    return this.add(spec);
  }

  jwks(keys: Key[], url = `${AUTHORITY}/discovery/v2.0/keys`): Entry {
    return this.add({ url, responseBody: JSON.stringify({ keys: keys.map((k) => ({ ...k.publicJwk, issuer: ISSUER_V2 })) }) });
  }

  build(): Entry[] {
    return this.entries;
  }
}

export function settings(over: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return { ...DEFAULT_SETTINGS, ...over };
}

/** Run the real extractor over entries. */
export async function sessionOf(entries: Entry[], s: AnalysisSettings = settings()): Promise<Session> {
  const ex = createExtractor({ settings: s });
  for (const e of entries) ex.add(e);
  return ex.finish([{ input: 0, path: 'test.har', format: 'har', entries: entries.length, sizeBytes: 0, sha256: '' }]);
}
