/**
 * The key sets (JWKS responses) captured in a trace, seen per jwks_uri over
 * time: which snapshot published a kid, and when a key set changed.
 */
import type { EntryRef } from '../../model/index.js';
import type { JwksSnapshot, OidcMetadata } from '../../extract/index.js';
import { jwksServesIssuer, safeUrl } from '../../extract/index.js';
import { iso } from './evidence.js';

/**
 * One key set = one jwks_uri. Case, trailing slash and query do not matter,
 * except `appid`: an app-specific key set (`?appid=`) is a different set.
 */
export function jwksUriKey(uri: string): string {
  const u = safeUrl(uri);
  if (!u) return uri.toLowerCase();
  const appId = u.searchParams.get('appid');
  const base = `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  return appId ? `${base}?appid=${appId.toLowerCase()}` : base;
}

/** Evidence for one snapshot: where and when it was fetched and which kids it held. */
export interface SnapshotEvidence {
  entry?: EntryRef;
  source?: 'cli';
  uri: string;
  fetchedAt?: string;
  kids: string[];
}

export function snapshotEvidence(s: JwksSnapshot): SnapshotEvidence {
  const out: SnapshotEvidence = s.entry === 'cli' ? { source: 'cli', uri: jwksUriKey(s.uri), kids: [...s.kids] } : { entry: s.entry, uri: jwksUriKey(s.uri), kids: [...s.kids] };
  const at = s.entry === 'cli' ? undefined : iso(s.fetchedAt);
  if (at) out.fetchedAt = at;
  return out;
}

export function holdsKid(s: JwksSnapshot, kid: string): boolean {
  return s.kids.includes(kid) || s.keys.some((k) => k.kid === kid || k.x5t === kid);
}

/** Snapshots (timeline order) that publish `kid`; when `iss` is given, only key sets serving that issuer. */
export function snapshotsWithKid(jwks: readonly JwksSnapshot[], oidc: readonly OidcMetadata[], kid: string, iss?: string): JwksSnapshot[] {
  return jwks.filter((s) => holdsKid(s, kid) && (!iss || jwksServesIssuer(s, iss, oidc)));
}

/** Snapshots captured for an issuer (any kid). */
export function snapshotsForIssuer(jwks: readonly JwksSnapshot[], oidc: readonly OidcMetadata[], iss: string): JwksSnapshot[] {
  return jwks.filter((s) => jwksServesIssuer(s, iss, oidc));
}

export interface KeySetChange {
  uri: string;
  before: JwksSnapshot;
  after: JwksSnapshot;
  added: string[];
  removed: string[];
}

/** Consecutive snapshots of one jwks_uri whose kid lists differ (trace snapshots only; --jwks files have no time). */
export function keySetChanges(jwks: readonly JwksSnapshot[]): KeySetChange[] {
  const byUri = new Map<string, JwksSnapshot[]>();
  for (const s of jwks) {
    if (s.entry === 'cli') continue;
    const k = jwksUriKey(s.uri);
    const list = byUri.get(k) ?? [];
    list.push(s);
    byUri.set(k, list);
  }
  const out: KeySetChange[] = [];
  for (const [uri, list] of byUri) {
    list.sort((a, b) => a.fetchedAt - b.fetchedAt);
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1]!;
      const after = list[i]!;
      const added = after.kids.filter((k) => !before.kids.includes(k));
      const removed = before.kids.filter((k) => !after.kids.includes(k));
      if (added.length || removed.length) out.push({ uri, before, after, added, removed });
    }
  }
  return out.sort((a, b) => a.after.fetchedAt - b.after.fetchedAt);
}

/**
 * The rollover that introduced `kid`: the first snapshot publishing it and
 * the last earlier snapshot of the same jwks_uri that did not.
 */
export function rolloverOf(candidates: readonly JwksSnapshot[], all: readonly JwksSnapshot[], kid: string): { after: JwksSnapshot; before?: JwksSnapshot } | undefined {
  const timed = candidates.filter((s) => s.entry !== 'cli').sort((a, b) => a.fetchedAt - b.fetchedAt);
  const after = timed[0] ?? candidates[0];
  if (!after) return undefined;
  if (after.entry === 'cli') return { after };
  const uri = jwksUriKey(after.uri);
  const earlier = all.filter((s) => s.entry !== 'cli' && jwksUriKey(s.uri) === uri && s.fetchedAt < after.fetchedAt && !holdsKid(s, kid));
  const before = earlier.sort((a, b) => a.fetchedAt - b.fetchedAt).at(-1);
  return before ? { after, before } : { after };
}

/** "nOo3ZDrO…" — enough of a kid to recognise it in a title. */
export function shortKid(kid: string): string {
  return kid.length > 12 ? `${kid.slice(0, 8)}…` : kid;
}
