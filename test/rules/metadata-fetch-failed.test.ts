import { beforeAll, describe, expect, it } from 'vitest';
import { rule as metadataFailed } from '../../src/rules/metadata-fetch-failed.js';
import { accessClaims, AUTHORITY, makeKey, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { idx10501 } from '../helpers/api-errors.js';
import { itEachCase, type RuleCase } from './support/rule-cases.js';

const API = 'https://api.contoso.com/orders';
const OIDC = `${AUTHORITY}/v2.0/.well-known/openid-configuration`;
const JWKS = `${AUTHORITY}/discovery/v2.0/keys`;
let key: Key;

beforeAll(async () => {
  key = await makeKey('kid-1');
});

const cases: RuleCase[] = [
  {
    name: 'metadata and keys fetched fine, a 304 revalidation, a CORS preflight → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: OIDC, responseBody: JSON.stringify({ issuer: `${AUTHORITY}/v2.0`, jwks_uri: JWKS, token_endpoint: `${AUTHORITY}/oauth2/v2.0/token` }) });
      b.jwks([key]);
      b.add({ url: JWKS, status: 304 });
      b.add({ url: OIDC, method: 'OPTIONS', status: 405 });
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'openid-configuration 400 (wrong tenant) and nothing refused → warning',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: 'https://login.microsoftonline.com/contoso.onmicrosoft.xyz/v2.0/.well-known/openid-configuration', status: 400, responseBody: '{"error":"invalid_tenant"}' });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({
        rule: 'metadata-fetch-failed',
        severity: 'warning',
        evidence: { kind: 'openid-configuration', uri: 'https://login.microsoftonline.com/contoso.onmicrosoft.xyz/v2.0/.well-known/openid-configuration', failures: [{ entry: { input: 0, index: 1 }, status: 400 }] },
      });
    },
  },
  {
    name: 'JWKS unreachable (status 0, DNS error), then tokens of that issuer refused for unknown kid → error linking both',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: JWKS, status: 0, error: 'net::ERR_NAME_NOT_RESOLVED', noDate: true }); // #1
      b.add({ url: JWKS, status: 0, error: 'net::ERR_NAME_NOT_RESOLVED', noDate: true }); // #2
      b.api(API, await signToken(key, accessClaims(b.time)), 401, idx10501('kid-1')); // #3
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.severity).toBe('error');
      expect(fs[0]!.entries.map((e) => e.index)).toEqual([1, 2, 3]);
      expect(fs[0]!.evidence).toMatchObject({ kind: 'jwks', failures: [{ error: 'net::ERR_NAME_NOT_RESOLVED', status: 0 }, { status: 0 }], keyRefusalsAfter: [{ entry: { input: 0, index: 3 }, code: 'IDX10501' }] });
    },
  },
  {
    name: 'failed once, succeeded on retry → warning that names the recovery',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: JWKS, status: 503 });
      b.wait(2);
      b.jwks([key]);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { succeededLater: { entry: { input: 0, index: 2 } } } });
    },
  },
  {
    name: 'a 404 on some app\'s /api/keys or /certs → nothing (not identity metadata)',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: 'https://shop.example.com/api/keys', status: 404 });
      b.add({ url: 'https://shop.example.com/static/certs', status: 500 });
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'a non-Microsoft jwks_uri named by a captured openid-configuration fails → warning',
    build: async () => {
      const b = new TraceBuilder();
      b.add({ url: 'https://idp.example.com/.well-known/openid-configuration', responseBody: JSON.stringify({ issuer: 'https://idp.example.com', jwks_uri: 'https://keys.example.com/certs' }) });
      b.add({ url: 'https://keys.example.com/certs', status: 502 });
      return b;
    },
    check: (fs) => expect(fs.map((f) => [f.severity, f.evidence.uri])).toEqual([['warning', 'https://keys.example.com/certs']]),
  },
  {
    name: 'the API says it could not get its configuration (IDX20803 in problem+json) → error with the code and address',
    build: async () => {
      const b = new TraceBuilder();
      const body = JSON.stringify({ title: 'Unauthorized', status: 401, detail: `IDX20803: Unable to obtain configuration from: '${OIDC}'. Will retry at '…'.` });
      const t = await signToken(key, accessClaims(b.time));
      b.api(API, t, 401, {}, body);
      b.api(API, t, 401, {}, body);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', code: 'IDX20803', evidence: { api: 'api.contoso.com', metadataAddress: OIDC } });
      expect(fs[0]!.entries.map((e) => e.index)).toEqual([1, 2]);
      expect(fs[0]!.tokens).toHaveLength(1);
    },
  },
];

describe('metadata-fetch-failed', () => {
  itEachCase([metadataFailed], cases);
});
