/**
 * The table most rule tests are: a trace built per case, some rules run over it with
 * the real extractor and engine, a check of the findings. Also the tokens several
 * rules judge without a key set: unsigned (`alg: none`) and HMAC-signed JWTs.
 */
import { SignJWT } from 'jose';
import { expect, it } from 'vitest';
import type { AnalysisSettings, FindingDraft } from '../../../src/model/index.js';
import type { Rule } from '../../../src/rules/types.js';
import { accessClaims, signToken, TraceBuilder, type Key } from '../../helpers/trace-builder.js';
import { findingsOf } from './identity-traces.js';

export interface RuleCase {
  name: string;
  build: () => Promise<TraceBuilder>;
  /** Settings other than the defaults for this case. */
  settings?: Partial<AnalysisSettings>;
  check: (fs: FindingDraft[]) => void;
}

/** One test per case, in the describe block it is called from. */
export function itEachCase(rules: readonly Rule[], cases: readonly RuleCase[]): void {
  for (const c of cases) it(c.name, async () => c.check(await findingsOf(rules, (await c.build()).build(), c.settings)));
}

/** The healthy case: a token signed with a key whose key set the trace captured, sent to an API → no finding. */
export function verifiedTokenCase(name: string, api: string, key: () => Key): RuleCase {
  return {
    name,
    build: async () => {
      const b = new TraceBuilder();
      b.jwks([key()]);
      b.api(api, await signToken(key(), accessClaims(b.time)));
      return b;
    },
    check: (fs) => expect(fs).toEqual([]),
  };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** `alg: none`, empty signature. */
export const unsignedJwt = (claims: Record<string, unknown>): string => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;

/** HS256 with a shared secret: no public key can check it. */
export const hmacJwt = (claims: Record<string, unknown>, secret = 'k'.repeat(32)): Promise<string> =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
