/**
 * Lookups the time and identity rules repeat for every use of every token,
 * built once per session (or once per state of `previous`) so a trace with
 * 100k entries and thousands of tokens stays fast.
 */
import type { EntryRef } from '../../model/index.js';
import type { Session } from '../../extract/index.js';
import { originOf, refKey, RefMap } from '../../extract/index.js';
import type { RuleContext } from '../types.js';
import { credentialUses } from './credential-uses.js';

const origins = new WeakMap<Session, RefMap<string>>();

/** Origin (scheme://host:port, lower case) of an entry's request. */
export function originOfRef(ctx: RuleContext, ref: EntryRef & { host?: string }): string {
  let map = origins.get(ctx.session);
  if (!map) origins.set(ctx.session, (map = new RefMap()));
  let o = map.get(ref);
  if (o === undefined) {
    o = originOf(ctx.entry(ref)?.request.url ?? '') || (ref.host ? `https://${ref.host}` : '');
    map.set(ref, o);
  }
  return o;
}

export interface AcceptedUse {
  time: number;
  ref: EntryRef;
  token: string;
}

const accepted = new WeakMap<Session, Map<string, AcceptedUse[]>>();

/** Credential uses the server accepted (2xx/3xx), per origin, in time order. */
export function acceptedUsesByOrigin(ctx: RuleContext): Map<string, AcceptedUse[]> {
  let map = accepted.get(ctx.session);
  if (map) return map;
  map = new Map();
  for (const t of ctx.session.tokens) {
    for (const u of credentialUses(t)) {
      if (u.status < 200 || u.status >= 400) continue;
      const o = originOfRef(ctx, u);
      let list = map.get(o);
      if (!list) map.set(o, (list = []));
      list.push({ time: u.sentAt, ref: { input: u.input, index: u.index }, token: t.id });
    }
  }
  for (const list of map.values()) list.sort((a, b) => a.time - b.time);
  accepted.set(ctx.session, map);
  return map;
}

const explained = new WeakMap<object, { length: number; refs: Set<string> }>();

/** Entries that a warning or error of an earlier rule already names. */
export function explainedByEarlierRules(ctx: RuleContext): Set<string> {
  const known = explained.get(ctx.previous);
  if (known && known.length === ctx.previous.length) return known.refs;
  const refs = new Set<string>();
  for (const f of ctx.previous) if (f.severity !== 'info') for (const e of f.entries) refs.add(refKey(e));
  explained.set(ctx.previous, { length: ctx.previous.length, refs });
  return refs;
}
