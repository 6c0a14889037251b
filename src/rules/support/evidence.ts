/** Small helpers rules share to build findings and evidence. */
import type { EntryRef } from '../../model/index.js';
import type { Challenge, ErrorOccurrence, Session, SessionToken } from '../../extract/index.js';
import { RefMap } from '../../extract/index.js';

export function iso(ms: number | undefined): string | undefined {
  return ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString();
}

export function isoFromSeconds(sec: number | undefined): string | undefined {
  return sec === undefined ? undefined : iso(sec * 1000);
}

export function sameRef(a: EntryRef, b: EntryRef): boolean {
  return a.input === b.input && a.index === b.index;
}

/** Unique entry refs, first occurrence order. */
export function uniqueRefs(refs: Iterable<EntryRef>): EntryRef[] {
  const seen = new Set<string>();
  const out: EntryRef[] = [];
  for (const r of refs) {
    const k = `${r.input}:${r.index}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ input: r.input, index: r.index });
    }
  }
  return out;
}

/** "#12" or "1:#12" when several inputs are involved; used in messages. */
export function refLabel(ref: EntryRef, multiInput: boolean): string {
  return multiInput ? `${ref.input + 1}:#${ref.index}` : `#${ref.index}`;
}

export function claimString(t: SessionToken, name: string): string | undefined {
  const v = t.claims?.[name];
  return typeof v === 'string' ? v : undefined;
}

export function claimNumber(t: SessionToken, name: string): number | undefined {
  const v = t.claims?.[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function headerString(t: SessionToken, name: string): string | undefined {
  const v = t.header?.[name];
  return typeof v === 'string' ? v : undefined;
}

/** Short human name of a token for messages: "access token 3f9c0a1b2c4d". */
export function tokenLabel(t: SessionToken): string {
  const kind = t.kind === 'id' ? 'ID token' : t.kind === 'client-assertion' ? 'client assertion' : `${t.kind} token`;
  return `${kind} ${t.id}`;
}

export function errorsAt(session: Session, ref: EntryRef): ErrorOccurrence[] {
  return [...(byEntry(errorIndexes, session.errors).get(ref) ?? [])];
}

export function challengesAt(session: Session, ref: EntryRef): Challenge[] {
  return [...(byEntry(challengeIndexes, session.challenges).get(ref) ?? [])];
}

interface EntryIndex<T> {
  length: number;
  map: RefMap<T[]>;
}
const errorIndexes = new WeakMap<readonly ErrorOccurrence[], EntryIndex<ErrorOccurrence>>();
const challengeIndexes = new WeakMap<readonly Challenge[], EntryIndex<Challenge>>();

/**
 * Items of a session list grouped by their own entry, in list order: rules ask
 * for every use of every token, and a filter over all errors each time made that
 * uses × errors. Built again if the list grew.
 */
function byEntry<T extends { entry: EntryRef }>(cache: WeakMap<readonly T[], EntryIndex<T>>, list: readonly T[]): RefMap<T[]> {
  const known = cache.get(list);
  if (known && known.length === list.length) return known.map;
  const map = new RefMap<T[]>();
  for (const item of list) {
    const slot = map.get(item.entry);
    if (slot) slot.push(item);
    else map.set(item.entry, [item]);
  }
  cache.set(list, { length: list.length, map });
  return map;
}

/** Requests that sent the token as a credential (Authorization header, or as a body/query token to an API). */
export function bearerUses(t: SessionToken) {
  return t.uses.filter((u) => u.where === 'authorization');
}

export function isRefused(status: number): boolean {
  return status === 401 || status === 403;
}
