import type { Entry, EntryRef } from '../model/index.js';
import type { Session } from './session.js';

/**
 * Values by entry reference. Rules look entries and per-entry facts up once per
 * token use; nested arrays spare building and hashing an `input:index` string for
 * every lookup. Keys behave as `refKey` does: array slots are named by each number's
 * string form.
 */
export class RefMap<V> {
  private readonly byInput: (V | undefined)[][] = [];

  get(ref: EntryRef): V | undefined {
    return this.byInput[ref.input]?.[ref.index];
  }

  has(ref: EntryRef): boolean {
    return this.get(ref) !== undefined;
  }

  set(ref: EntryRef, value: V): void {
    let slots = this.byInput[ref.input];
    if (!slots) this.byInput[ref.input] = slots = [];
    slots[ref.index] = value;
  }
}

const entryMaps = new WeakMap<Session, { entries: readonly Entry[]; length: number; map: RefMap<Entry> }>();

/**
 * The session's entries by reference (a later duplicate wins), built once per
 * session and built again if its entry list was replaced or grew.
 */
export function entriesByRef(session: Session): RefMap<Entry> {
  const known = entryMaps.get(session);
  if (known && known.entries === session.entries && known.length === session.entries.length) return known.map;
  const map = new RefMap<Entry>();
  for (const e of session.entries) map.set(e, e);
  entryMaps.set(session, { entries: session.entries, length: session.entries.length, map });
  return map;
}
