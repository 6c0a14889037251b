import { beforeAll, describe, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { rule as oidc } from '../../src/rules/oidc-protocol.js';
import { accessClaims, AUTHORITY, CLIENT_ID, ISSUER_V2, makeKey, signToken, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { itEachCase, type RuleCase } from './support/rule-cases.js';

const APP = 'https://app.contoso.com';
const CB = `${APP}/signin-oidc`;
let key: Key;

beforeAll(async () => {
  key = await makeKey('kid-1');
});

/** Independent at_hash/c_hash computation for RS256 (SHA-256, left 16 bytes, base64url). */
const half = (v: string) => createHash('sha256').update(v, 'ascii').digest().subarray(0, 16).toString('base64url');
const idToken = (t: number, extra: Record<string, unknown>) =>
  signToken(key, { iss: ISSUER_V2, aud: CLIENT_ID, sub: 's', tid: 't', iat: Math.floor(t / 1000), exp: Math.floor(t / 1000) + 3600, ...extra });

function authorize(b: TraceBuilder, state: string, nonce: string, extra = '') {
  return b.add({ url: `${AUTHORITY}/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&response_type=code%20id_token&redirect_uri=${encodeURIComponent(CB)}&state=${state}&nonce=${nonce}${extra}` });
}
const redirect = (b: TraceBuilder, location: string) => b.add({ url: `${AUTHORITY}/login`, method: 'POST', body: 'x=1', status: 302, responseHeaders: { Location: location } });

const cases: RuleCase[] = [
  {
    name: 'hybrid response with matching nonce, state, c_hash and at_hash; two parallel sign-ins → nothing',
    build: async () => {
      const b = new TraceBuilder();
      authorize(b, 'S1', 'N1');
      authorize(b, 'S2', 'N2');
      const at = await signToken(key, accessClaims(b.time));
      const code = '0.AXoAcode-one';
      redirect(b, `${CB}#code=${code}&id_token=${await idToken(b.time, { nonce: 'N1', c_hash: half(code), at_hash: half(at) })}&access_token=${at}&state=S1`);
      redirect(b, `${CB}#code=0.AXoAcode-two&id_token=${await idToken(b.time, { nonce: 'N2', c_hash: half('0.AXoAcode-two') })}&state=S2`);
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'form_post ID token with another nonce than its authorize request (linked by state) → error',
    build: async () => {
      const b = new TraceBuilder();
      authorize(b, 'S1', 'N1', '&response_mode=form_post'); // #1
      const idt = await idToken(b.time, { nonce: 'N-old' });
      b.add({ url: `${AUTHORITY}/login`, method: 'POST', body: 'x=1', responseType: 'text/html', responseBody: `<form method="POST" action="${CB}"><input type="hidden" name="id_token" value="${idt}"/><input type="hidden" name="state" value="S1"/></form>` }); // #2
      b.add({ url: CB, method: 'POST', body: `id_token=${idt}&state=S1` }); // #3
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ rule: 'oidc-protocol', severity: 'error', evidence: { check: 'nonce', matchedBy: 'state', nonce: 'N-old', expectedNonce: 'N1', authorizeRequest: { input: 0, index: 1 }, clientId: CLIENT_ID } });
      expect(fs[0]!.entries.map((e) => e.index)).toEqual([2, 1, 3]);
    },
  },
  {
    name: 'code flow: ID token from the redeemed code lacks the nonce the authorize request sent → error',
    build: async () => {
      const b = new TraceBuilder();
      authorize(b, 'S1', 'N1');
      redirect(b, `${CB}?code=0.AXoAcode&state=S1`);
      b.tokenResponse({ form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code: '0.AXoAcode' }, tokens: { id_token: await idToken(b.time, {}) } });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.evidence).toMatchObject({ check: 'nonce', matchedBy: 'state', expectedNonce: 'N1' });
      expect(fs[0]!.message).toContain('has no nonce');
    },
  },
  {
    name: 'no state chain (code not captured): nonce sent by none of the client\'s authorize requests → error; refresh-issued ID token → nothing',
    build: async () => {
      const b = new TraceBuilder();
      authorize(b, 'S1', 'N1');
      b.tokenResponse({ form: { grant_type: 'authorization_code', client_id: CLIENT_ID, code: 'uncaptured' }, tokens: { id_token: await idToken(b.time, { nonce: 'N9' }) } });
      b.tokenResponse({ form: { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: 'r' }, tokens: { id_token: await idToken(b.time + 1000, { nonce: 'N8' }) } });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]!.evidence).toMatchObject({ matchedBy: 'client', nonce: 'N9', sentNonces: ['N1'] });
    },
  },
  {
    name: 'redirect URI receives a state no pending authorize request sent → one error; a response without captured request → nothing',
    build: async () => {
      const b = new TraceBuilder();
      authorize(b, 'S1', 'N1'); // #1
      redirect(b, `${CB}?code=0.AXoAcode&state=S-forged`); // #2
      b.add({ url: `${CB}?code=0.AXoAcode&state=S-forged` }); // #3
      b.add({ url: 'https://other.contoso.com/callback?code=abc&state=zzz' }); // #4
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ evidence: { check: 'state', redirectUri: CB, pendingStates: ['S1'], authorizeRequests: [{ input: 0, index: 1 }] } });
      expect(fs[0]!.entries.map((e) => e.index)).toEqual([2, 1]);
    },
  },
  {
    name: 'a JWT used as state is never shown in the finding',
    build: async () => {
      const b = new TraceBuilder();
      authorize(b, 'S1', 'N1');
      const jwtState = await signToken(key, { sid: 'x', exp: 2_000_000_000 });
      b.add({ url: `${CB}?code=0.AXoAcode&state=${jwtState}` });
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(JSON.stringify(fs)).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
      expect(String((fs[0]!.evidence.responses as { state: string }[])[0]!.state)).toMatch(/^\[jwt [0-9a-f]{12}\]$/);
    },
  },
  {
    name: 'at_hash of another access token and c_hash of another code → two errors with claimed and computed hashes',
    build: async () => {
      const b = new TraceBuilder();
      authorize(b, 'S1', 'N1');
      const at = await signToken(key, accessClaims(b.time));
      const other = await signToken(key, accessClaims(b.time, { oid: 'someone-else' }));
      redirect(b, `${CB}#code=0.AXoAcode&id_token=${await idToken(b.time, { nonce: 'N1', at_hash: half(other), c_hash: half('0.AXoAother') })}&access_token=${at}&state=S1`);
      return b;
    },
    check: (fs) => {
      expect(fs.map((f) => f.evidence.check)).toEqual(['at_hash', 'c_hash']);
      expect(fs[0]!.evidence).toMatchObject({ alg: 'RS256', claimed: expect.any(String), computed: expect.any(String) });
      expect(fs[0]!.evidence.claimed).not.toBe(fs[0]!.evidence.computed);
      expect(fs[0]!.tokens).toHaveLength(2);
    },
  },
];

describe('oidc-protocol', () => {
  itEachCase([oidc], cases);
});
