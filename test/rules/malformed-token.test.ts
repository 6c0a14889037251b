import { beforeAll, describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/index.js';
import type { FindingDraft } from '../../src/model/index.js';
import { rule as malformed } from '../../src/rules/malformed-token.js';
import { accessClaims, CLIENT_ID, makeKey, sessionOf, settings, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';

const API = 'https://api.contoso.com/orders';
let key: Key;
let jwt: string;

beforeAll(async () => {
  key = await makeKey('kid-1');
  jwt = await signToken(key, accessClaims(Date.parse('2024-05-01T10:00:00Z')));
});

async function run(b: TraceBuilder): Promise<FindingDraft[]> {
  const fs = runRules([malformed], await sessionOf(b.build()), settings()).findings;
  // No finding may carry a token string, whatever shape it had.
  expect(JSON.stringify(fs)).not.toContain(jwt.split('.')[1]!);
  return fs;
}

const raw = (b: TraceBuilder, authorization: string, status = 401, responseHeaders: Record<string, string> = {}, url = API) =>
  b.add({ url, headers: { Authorization: authorization }, status, responseHeaders });

interface Case {
  name: string;
  build: () => TraceBuilder;
  check: (fs: FindingDraft[]) => void;
}

const cases: Case[] = [
  {
    name: 'a JWT and plausible opaque bearers (test values, Entra, MSA, Google, PAT) → nothing',
    build: () => {
      const b = new TraceBuilder();
      for (const v of [jwt, '123456', 'token123', `0.AXoAv4j5cvGGr0GRqy180BHbR${'x'.repeat(80)}`, `EwBwA8l6BAAU${'y'.repeat(90)}`, `ya29.a0AfH6SM${'z'.repeat(100)}`, 'abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst']) {
        raw(b, `Bearer ${v}`, 200);
      }
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: '"Bearer undefined" refused twice → one error naming the literal and both entries',
    build: () => {
      const b = new TraceBuilder();
      raw(b, 'Bearer undefined');
      raw(b, 'Bearer undefined', 401, {}, `${API}/2`);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ rule: 'malformed-token', severity: 'error', evidence: { shape: 'js-value', value: 'undefined', length: 9 } });
      expect(fs[0]!.entries.map((e) => e.index)).toEqual([1, 2]);
    },
  },
  {
    name: '"Bearer null" accepted → warning',
    build: () => {
      const b = new TraceBuilder();
      raw(b, 'Bearer null', 200);
      return b;
    },
    check: (fs) => expect(fs.map((f) => [f.severity, f.evidence.shape])).toEqual([['warning', 'js-value']]),
  },
  {
    name: 'repeated scheme, JSON token response, quoted JWT, template, cut JWT, broken payload → one finding each, shape named',
    build: () => {
      const b = new TraceBuilder();
      raw(b, `Bearer Bearer ${jwt}`);
      raw(b, `Bearer {"token_type":"Bearer","access_token":"${jwt}"}`);
      raw(b, `Bearer "${jwt}"`);
      raw(b, 'Bearer ${accessToken}');
      raw(b, `Bearer ${jwt.split('.').slice(0, 2).join('.')}`);
      const [h, , s] = jwt.split('.');
      raw(b, `Bearer ${h}.${Buffer.from('not json').toString('base64url')}.${s}`);
      return b;
    },
    check: (fs) => {
      expect(fs.map((f) => f.evidence.shape)).toEqual(['scheme-repeated', 'json', 'quoted', 'template', 'truncated-jwt', 'broken-jwt']);
      expect(fs.every((f) => f.severity === 'error')).toBe(true);
      expect(fs[1]!.evidence.reason).toContain('whole token response JSON');
      expect(fs[4]!.evidence.reason).toContain('2 parts');
      expect(fs[5]!.evidence.reason).toContain('payload is not JSON');
    },
  },
  {
    name: 'opaque bearer refused with IDX14100 → error opaque-not-jwt carrying the code',
    build: () => {
      const b = new TraceBuilder();
      raw(b, `Bearer EwBwA8l6BAAU${'y'.repeat(90)}`, 401, {
        'WWW-Authenticate': 'Bearer error="invalid_token", error_description="IDX14100: JWT is not well formed, there are no dots (.)."',
      });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', code: 'IDX14100', evidence: { shape: 'opaque-not-jwt', apiSaid: { code: 'IDX14100' } } });
    },
  },
  {
    name: 'ID token with a broken payload in a token response (never used) → warning at the issuing entry',
    build: () => {
      const b = new TraceBuilder();
      const [h, , s] = jwt.split('.');
      b.tokenResponse({ form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code: 'c' }, tokens: { id_token: `${h}.%%%.${s}`.replace('%%%', 'e30x') } });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', entries: [{ input: 0, index: 1 }], evidence: { shape: 'broken-jwt', issuedAt: { field: 'id_token' } } });
    },
  },
  {
    name: 'empty Bearer to an API, refused and never retried → one warning for all of them',
    build: () => {
      const b = new TraceBuilder();
      raw(b, 'Bearer', 401, { 'WWW-Authenticate': 'Bearer' });
      b.wait(120);
      raw(b, 'Bearer ', 401, { 'WWW-Authenticate': 'Bearer' }, `${API}/2`);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', tokens: [], evidence: { shape: 'empty', count: 2, hosts: ['api.contoso.com'] } });
    },
  },
  {
    name: 'empty Bearer probes (answered with NTLM, or retried at once with credentials) and placeholders → nothing',
    build: () => {
      const b = new TraceBuilder();
      raw(b, 'Bearer', 401, { 'WWW-Authenticate': 'NTLM' }, 'http://sp/_vti_bin/webs.asmx');
      raw(b, 'Bearer', 401, { 'WWW-Authenticate': 'Bearer' });
      raw(b, `Bearer ${jwt}`, 200);
      raw(b, 'Bearer [REDACTED]', 200);
      raw(b, 'Bearer ****', 200);
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'broken JWT-looking text inside a script → nothing',
    build: () => {
      const b = new TraceBuilder();
      b.add({ url: 'https://app.contoso.com/app.js', responseType: 'text/javascript', responseBody: `var x="eyJhbGciOiJIUzI1NiJ9.e30x.abc";` });
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
];

describe('malformed-token', () => {
  for (const c of cases) it(c.name, async () => c.check(await run(c.build())));
});
