/** Small builders for hand-made entries, tokens and reports used by the timeline tests. */
import { createHash } from 'node:crypto';
import type { BodyRef, Entry, Header, Report, ReportToken, ReportTokenUse, TokenPlace } from '../../src/model/index.js';
import { tokenId } from '../../src/jwt/fingerprint.js';

export const T0 = Date.UTC(2024, 4, 14, 9, 30, 0); // 2024-05-14T09:30:00Z

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A compact JWS with a realistic-looking (fake) RS256 signature. */
export function makeJwt(header: Record<string, unknown>, claims: Record<string, unknown>, seed: string): string {
  let sig = '';
  for (let i = 0; sig.length < 342; i++) sig += createHash('sha256').update(`${seed}:${i}`).digest('base64url');
  return `${b64url(header)}.${b64url(claims)}.${sig.slice(0, 342)}`;
}

export function textBody(mimeType: string, text: string): BodyRef {
  return { size: Buffer.byteLength(text), mimeType, text };
}

export function jsonBody(value: unknown, mimeType = 'application/json; charset=utf-8'): BodyRef {
  return textBody(mimeType, JSON.stringify(value));
}

export function formBody(fields: Record<string, string>): BodyRef {
  return textBody('application/x-www-form-urlencoded', new URLSearchParams(fields).toString());
}

export interface EntrySpec {
  index: number;
  at: number; // seconds after T0
  method?: string;
  url: string;
  status: number;
  statusText?: string;
  durationMs?: number;
  reqHeaders?: Header[];
  resHeaders?: Header[];
  reqBody?: BodyRef;
  resBody?: BodyRef;
  redirectURL?: string;
  error?: string;
}

export function makeEntry(spec: EntrySpec): Entry {
  const host = new URL(spec.url).host;
  const startedAt = T0 + spec.at * 1000;
  return {
    input: 0,
    index: spec.index,
    startedAt,
    durationMs: spec.durationMs ?? 120,
    request: {
      method: spec.method ?? 'GET',
      url: spec.url,
      httpVersion: 'HTTP/2',
      headers: [{ name: ':authority', value: host }, ...(spec.reqHeaders ?? [])],
      body: spec.reqBody,
    },
    response: {
      status: spec.status,
      statusText: spec.statusText ?? '',
      httpVersion: 'HTTP/2',
      headers: [{ name: 'date', value: new Date(startedAt).toUTCString() }, ...(spec.resHeaders ?? [])],
      body: spec.resBody,
      redirectURL: spec.redirectURL,
      error: spec.error,
    },
    source: 'har',
    timers: { blocked: 1, dns: 0, connect: 0, send: 0.2, wait: (spec.durationMs ?? 120) - 5, receive: 3.8 },
  };
}

export function use(entry: Entry, where: TokenPlace, field?: string): ReportTokenUse {
  return {
    input: entry.input,
    index: entry.index,
    where,
    field,
    status: entry.response.status,
    host: new URL(entry.request.url).host,
    time: new Date(entry.startedAt).toISOString(),
  };
}

function decodePart(compact: string, part: number): Record<string, unknown> {
  return JSON.parse(Buffer.from(compact.split('.')[part]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A report token for a compact JWT: header and claims decoded, the compact string itself left out. */
export function jwtToken(compact: string, kind: ReportToken['kind'], extra: Partial<ReportToken>): ReportToken {
  const header = decodePart(compact, 0);
  const claims = decodePart(compact, 1);
  return {
    id: tokenId(compact),
    kind,
    format: 'jws',
    alg: header.alg as string,
    kid: header.kid as string,
    typ: header.typ as string,
    iss: claims.iss as string,
    aud: claims.aud as string,
    tid: claims.tid as string,
    azp: claims.azp as string,
    ver: claims.ver as string,
    scp: claims.scp as string | undefined,
    iat: claims.iat as number,
    nbf: claims.nbf as number,
    exp: claims.exp as number,
    issuerKind: 'v2',
    cloud: 'public',
    uses: [],
    signature: 'valid',
    header,
    claims,
    ...extra,
  };
}

export function opaqueToken(value: string, kind: ReportToken['kind'], extra: Partial<ReportToken>): ReportToken {
  return { id: tokenId(value), kind, format: 'opaque', uses: [], signature: 'not-checked', ...extra };
}

export function issued(entry: Entry, where: TokenPlace, field: string, grantType?: string): NonNullable<ReportToken['issuedAt']> {
  return {
    input: entry.input,
    index: entry.index,
    where,
    field,
    grantType,
    time: new Date(entry.startedAt + entry.durationMs).toISOString(),
  };
}

export function baseReport(entries: Entry[], tokens: ReportToken[], findings: Report['findings']): Report {
  const count = { error: 0, warning: 0, info: 0 };
  for (const f of findings) count[f.severity]++;
  let first = Infinity;
  let last = -Infinity;
  for (const e of entries) {
    first = Math.min(first, e.startedAt);
    last = Math.max(last, e.startedAt);
  }
  return {
    schemaVersion: '1.0',
    tool: { name: 'trace-audit', version: '0.1.0' },
    generatedAt: new Date(T0 + 3_600_000).toISOString(),
    settings: { clockSkewSeconds: 300, skewThresholdSeconds: 60, expectAudiences: [], expectIssuers: [], redaction: 'default' },
    inputs: [{ path: '/cases/contoso/session.har', format: 'har', producer: 'Chrome 131', entries: entries.length, sizeBytes: 812_345, sha256: 'ab'.repeat(32) }],
    summary: {
      entries: entries.length,
      tokens: tokens.length,
      findings: count,
      timeRange: entries.length ? [new Date(first).toISOString(), new Date(last).toISOString()] : null,
    },
    tokens,
    findings,
    warnings: [],
  };
}
