import { beforeAll, describe, expect, it } from 'vitest';
import { rule as missingScope } from '../../src/rules/missing-scope-or-role.js';
import { accessClaims, API_APP_ID, makeKey, signToken, T0, TraceBuilder, type Key } from '../helpers/trace-builder.js';
import { API, findingsOf, indexes, only } from './support/identity-traces.js';
import type { RuleCase } from './support/rule-cases.js';

let key: Key;
beforeAll(async () => {
  key = await makeKey('kid-1');
});

const APP_ID_URI = `api://${API_APP_ID}`;
const user = (scp = 'Files.Read', extra: Record<string, unknown> = {}) => signToken(key, accessClaims(T0, { scp, ...extra }));
const appOnly = (roles: string[] = ['Orders.Read.All'], extra: Record<string, unknown> = {}) => {
  const claims = accessClaims(T0, { roles, idtyp: 'app', oid: 'sp-1', sub: 'sp-1', ...extra });
  delete claims.scp;
  return signToken(key, claims);
};

/** Microsoft.Identity.Web's 403: insufficient_scope challenge + problem+json body. */
function scopeRefusal(b: TraceBuilder, token: string, required: string[]): void {
  const detail = `IDW10203: The 'scope' or 'scp' claim does not contain scopes '${required.join(',')}' or was not found. `;
  b.add({
    url: `${API}/orders`,
    headers: { Authorization: `Bearer ${token}` },
    status: 403,
    responseHeaders: { 'WWW-Authenticate': `Bearer error="insufficient_scope", error_description="${detail}", scope="${required.map((s) => `${APP_ID_URI}/${s}`).join(' ')}"` },
    responseType: 'application/problem+json',
    responseBody: JSON.stringify({ title: 'Forbidden', status: 403, detail }),
  });
}

const cases: RuleCase[] = [
  {
    name: 'valid: scoped token accepted; a plain 403 for a token with scopes is not guessed at → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/orders`, await user());
      b.api(`${API}/admin`, await user(), 403);
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
  {
    name: 'insufficient_scope + IDW10203 naming a scope the token lacks → error with required and missing',
    build: async () => {
      const b = new TraceBuilder();
      const t = await user('Files.Read');
      scopeRefusal(b, t, ['Orders.ReadWrite']);
      scopeRefusal(b, t, ['Orders.ReadWrite']);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      const f = fs[0]!;
      expect(f).toMatchObject({ rule: 'missing-scope-or-role', severity: 'error' });
      expect(indexes(f)).toEqual([1, 2]);
      expect(f.evidence).toMatchObject({ required: ['Orders.ReadWrite'], requiredKind: 'scope', missing: ['Orders.ReadWrite'], tokenScopes: ['Files.Read'], tokenRoles: [], tokenType: 'delegated', status: 403, hint: ['IDW10203'] });
    },
  },
  {
    name: 'app-only token to an API that needs a delegated scope → error, tokenType app-only',
    build: async () => {
      const b = new TraceBuilder();
      scopeRefusal(b, await appOnly(), ['Orders.Read']);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', evidence: { tokenType: 'app-only', tokenRoles: ['Orders.Read.All'], tokenScopes: [], required: ['Orders.Read'] } });
      expect(fs[0]!.title).toMatch(/^App-only access token .* needs a delegated scope$/);
    },
  },
  {
    name: 'app-only token gets a bare 403 where a delegated token got through → error naming that entry',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/orders`, await user('Orders.Read')); // #1
      b.api(`${API}/orders`, await appOnly(), 403); // #2
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(indexes(fs[0]!)).toEqual([2, 1]);
      expect(fs[0]!.evidence).toMatchObject({ tokenType: 'app-only', delegatedAcceptedAt: { input: 0, index: 1 }, required: [] });
    },
  },
  {
    name: 'IDW10202: user token lacks the app role → error, requiredKind role',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/admin`, await user('Orders.Read'), 403, {}, JSON.stringify({ title: 'Forbidden', status: 403, detail: "IDW10202: The 'roles' or 'role' claim does not contain roles 'Orders.Admin' or was not found. " }));
      return b;
    },
    check: (fs) => expect(fs[0]).toMatchObject({ severity: 'error', evidence: { requiredKind: 'role', missing: ['Orders.Admin'], tokenType: 'delegated' } }),
  },
  {
    name: 'the token carries the named scope (full URI vs short name) → warning about the API check',
    build: async () => {
      const b = new TraceBuilder();
      scopeRefusal(b, await user('Orders.Read'), ['Orders.Read']);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'warning', evidence: { missing: [] } });
    },
  },
  {
    name: 'Graph "Insufficient privileges" → info only',
    build: async () => {
      const b = new TraceBuilder();
      const body = JSON.stringify({ error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } });
      b.api('https://graph.microsoft.com/v1.0/users', await user('User.Read', { aud: '00000003-0000-0000-c000-000000000000' }), 403, {}, body);
      return b;
    },
    check: (fs) => {
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'info', evidence: { tokenScopes: ['User.Read'], hint: ['graph: insufficient privileges'] } });
    },
  },
  {
    name: 'Graph "Either scp or roles claim" for an app token without roles → error',
    build: async () => {
      const b = new TraceBuilder();
      const body = JSON.stringify({ error: { code: 'InvalidAuthenticationToken', message: 'Either scp or roles claim need to be present in the token.' } });
      b.api('https://graph.microsoft.com/v1.0/users', await appOnly([], { aud: 'https://graph.microsoft.com' }), 401, {}, body);
      return b;
    },
    check: (fs) => expect(fs[0]).toMatchObject({ severity: 'error', evidence: { tokenType: 'app-only', tokenRoles: [], tokenScopes: [] } }),
  },
  {
    name: 'CAE insufficient_claims and an opaque Google bearer → nothing',
    build: async () => {
      const b = new TraceBuilder();
      b.api(`${API}/a`, await user(), 401, { 'WWW-Authenticate': 'Bearer realm="", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnt9fQ=="' });
      b.api('https://www.googleapis.com/drive/v3/files', 'ya29.a0AfB_byC-opaque-token-value-1234567890', 403, { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="https://www.googleapis.com/auth/drive"' });
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  },
];

describe('missing-scope-or-role', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const b = await c.build();
      c.check(only(await findingsOf([missingScope], b.build()), 'missing-scope-or-role'));
    });
  }
});
