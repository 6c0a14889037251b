/**
 * Signing-key rollovers seen by an API: requests refused for "kid not found"
 * while that kid was already published in a key set captured in the trace.
 * Shared by signing-key-rotated (which reports them) and the rules that must
 * stay quiet about the same refusals.
 */
import type { JwksSnapshot, Session, SessionToken } from '../../extract/index.js';
import { claimString } from './evidence.js';
import { keyRefusals, tokenKid, type KeyRefusal } from './key-refusals.js';
import { snapshotsWithKid } from './key-sets.js';

export interface StaleKeyGroup {
  /** The new kid the API did not know. */
  kid: string;
  /** The API (host) that refused it. */
  host: string;
  code?: string;
  refusals: KeyRefusal[];
  /** Refused tokens signed with `kid`. */
  tokens: string[];
  /** Key sets (not app-specific) that publish `kid` for the tokens' issuer. */
  published: JwksSnapshot[];
}

/** A refusal whose token is signed with a kid the issuer publishes: the API's key set is behind. */
function staleKid(session: Session, t: SessionToken | undefined): { kid: string; published: JwksSnapshot[] } | undefined {
  if (!t || t.format !== 'jws' || t.signature === 'invalid' || t.problems.length > 0) return undefined;
  // Graph tokens (nonce header) fail any third-party check by design; not a rollover.
  if (t.header?.nonce !== undefined) return undefined;
  const kid = tokenKid(t);
  if (!kid) return undefined;
  const published = snapshotsWithKid(session.jwks, session.oidcMetadata, kid, claimString(t, 'iss')).filter((s) => !s.appId);
  return published.length ? { kid, published } : undefined;
}

/**
 * One group per (new kid, API host, IDX code). Refusals without a code join
 * the first coded group of the same kid and host, so a mix of described and
 * undescribed 401s gives one finding.
 */
export function staleKeyGroups(session: Session, byId: (id: string) => SessionToken | undefined): StaleKeyGroup[] {
  const byKidHost = new Map<string, StaleKeyGroup[]>();
  for (const r of keyRefusals(session, byId)) {
    for (const id of r.tokens) {
      const stale = staleKid(session, byId(id));
      if (!stale) continue;
      const k = `${stale.kid}\n${r.host}`;
      const groups = byKidHost.get(k) ?? [];
      byKidHost.set(k, groups);
      let g = groups.find((x) => x.code === r.code) ?? (r.code === undefined ? groups[0] : groups.find((x) => x.code === undefined));
      if (!g) {
        g = { kid: stale.kid, host: r.host, refusals: [], tokens: [], published: stale.published };
        if (r.code) g.code = r.code;
        groups.push(g);
      } else if (g.code === undefined && r.code) g.code = r.code;
      if (!g.refusals.includes(r)) g.refusals.push(r);
      if (!g.tokens.includes(id)) g.tokens.push(id);
    }
  }
  return [...byKidHost.values()].flat();
}
