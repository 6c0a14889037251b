/**
 * signing-key-rotated: an API refused tokens signed with a kid the issuer
 * already publishes (its cached key set is older than the rollover), or a
 * jwks_uri served different kids at two moments of the session.
 */
import type { EntryRef, FindingDraft } from '../model/index.js';
import type { SessionToken } from '../extract/index.js';
import { iso, refLabel, sameRef, uniqueRefs } from './support/evidence.js';
import { accepted, tokenKid } from './support/key-refusals.js';
import { keySetChanges, rolloverOf, shortKid, snapshotEvidence, type KeySetChange } from './support/key-sets.js';
import { staleKeyGroups, type StaleKeyGroup } from './support/rollover.js';
import type { Rule, RuleContext } from './types.js';

const ADVICE_REFUSED =
  "The API validates with a cached copy of the issuer's signing keys that predates the rollover. Do not pin keys or certificates; let the API read them from the issuer's metadata (Microsoft.IdentityModel ConfigurationManager refreshes every 12 h and, on an unknown kid, at most every 5 min — check RefreshInterval/AutomaticRefreshInterval were not raised). Restart or recycle the API to load the new key now, and make sure it can reach the jwks_uri.";
const ADVICE_CHANGED =
  'The issuer rolled its signing keys during the session. Nothing was refused in this trace, but every API that validates these tokens must pick up the new key set from metadata (no pinned keys, no long caches); if an API refuses tokens with IDX10501/IDX10503 later, refresh its metadata.';

interface OldKid {
  kid: string;
  source: 'last-accepted-token' | 'removed-from-key-set' | 'api-keys-tried';
  entry?: EntryRef;
  time?: number;
}

function lastAcceptedOtherKid(tokens: readonly SessionToken[], host: string, kid: string, before: number): OldKid | undefined {
  let best: OldKid | undefined;
  for (const t of tokens) {
    const k = tokenKid(t);
    if (!k || k === kid || t.format !== 'jws') continue;
    for (const u of t.uses) {
      if (u.where !== 'authorization' || u.host !== host || !accepted(u.status) || u.sentAt >= before) continue;
      if (!best || (best.time ?? 0) < u.sentAt) best = { kid: k, source: 'last-accepted-token', entry: { input: u.input, index: u.index }, time: u.sentAt };
    }
  }
  return best;
}

function recovery(tokens: readonly SessionToken[], host: string, kid: string, after: number): { entry: EntryRef; time: number } | undefined {
  let best: { entry: EntryRef; time: number } | undefined;
  for (const t of tokens) {
    if (tokenKid(t) !== kid) continue;
    for (const u of t.uses) {
      if (u.where !== 'authorization' || u.host !== host || !accepted(u.status) || u.sentAt <= after) continue;
      if (!best || best.time > u.sentAt) best = { entry: { input: u.input, index: u.index }, time: u.sentAt };
    }
  }
  return best;
}

function refusedFinding(ctx: RuleContext, g: StaleKeyGroup): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const refusals = [...g.refusals].sort((a, b) => a.time - b.time);
  const first = refusals[0]!;
  const roll = rolloverOf(g.published, ctx.session.jwks, g.kid)!;
  const removed = roll.before ? roll.before.kids.filter((k) => !roll.after.kids.includes(k)) : [];
  const apiKids = [...new Set(refusals.flatMap((r) => r.keysTried))].filter((k) => k !== g.kid);
  const old: OldKid | undefined =
    lastAcceptedOtherKid(ctx.session.tokens, g.host, g.kid, first.time) ??
    (removed.length ? { kid: removed[0]!, source: 'removed-from-key-set' } : undefined) ??
    (apiKids.length === 1 ? { kid: apiKids[0]!, source: 'api-keys-tried' } : undefined);
  const recovered = recovery(ctx.session.tokens, g.host, g.kid, first.time);

  const evidence: Record<string, unknown> = { api: g.host };
  if (old) evidence.oldKid = old.kid;
  evidence.newKid = g.kid;
  if (old) evidence.oldKidSource = old.source;
  if (old?.entry) evidence.lastAcceptedWithOldKid = { entry: old.entry, time: iso(old.time) };
  if (roll.before) evidence.jwksBefore = snapshotEvidence(roll.before);
  evidence.jwksAfter = snapshotEvidence(roll.after);
  evidence.refused = refusals.slice(0, 20).map((r) => ({ entry: r.entry, time: iso(r.time), status: r.status, ...(r.code ? { code: r.code } : {}) }));
  evidence.refusedCount = refusals.length;
  if (apiKids.length) evidence.apiKeysTried = apiKids.slice(0, 20);
  if (recovered) evidence.recoveredAt = { entry: recovered.entry, time: iso(recovered.time) };

  const refs = refusals.map((r) => r.entry);
  const publishedWhere = roll.after.entry === 'cli' ? 'the --jwks key set' : `the JWKS at ${refLabel(roll.after.entry, multi)} (${iso(roll.after.fetchedAt)})`;
  const codeText = g.code ? ` with ${g.code}` : ' ("signature key not found")';
  const oldText = old ? ` It had accepted kid ${old.kid}${old.entry ? ` at ${refLabel(old.entry, multi)}` : ''}.` : '';
  const recText = recovered ? ` It recovered at ${refLabel(recovered.entry, multi)} (${iso(recovered.time)}).` : ' No later request with the new key was accepted in this trace.';
  const entries = uniqueRefs([
    ...refs,
    ...(roll.after.entry !== 'cli' ? [roll.after.entry] : []),
    ...(roll.before && roll.before.entry !== 'cli' ? [roll.before.entry] : []),
    ...(old?.entry ? [old.entry] : []),
    ...(recovered ? [recovered.entry] : []),
  ]);
  const draft: FindingDraft = {
    rule: 'signing-key-rotated',
    severity: 'error',
    title: `${g.host} refused tokens signed with new key ${shortKid(g.kid)}: signing key rolled over`,
    message:
      `${refs.length} request(s) to ${g.host} (${refs.slice(0, 5).map((r) => refLabel(r, multi)).join(', ')}${refs.length > 5 ? ', …' : ''}) were refused${codeText} for kid ${g.kid}, ` +
      `although ${publishedWhere} already published it: the API's key set is out of date.${oldText}${recText}`,
    entries,
    tokens: [...g.tokens],
    time: first.time,
    evidence,
    advice: ADVICE_REFUSED,
  };
  if (g.code) draft.code = g.code;
  return draft;
}

function changeFinding(ctx: RuleContext, c: KeySetChange): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const before = c.before.entry as EntryRef;
  const after = c.after.entry as EntryRef;
  const parts = [c.added.length ? `added ${c.added.join(', ')}` : '', c.removed.length ? `removed ${c.removed.join(', ')}` : ''].filter(Boolean).join('; ');
  return {
    rule: 'signing-key-rotated',
    severity: 'warning',
    title: `Signing keys at ${c.uri} changed during the session`,
    message: `The key set fetched at ${refLabel(after, multi)} (${iso(c.after.fetchedAt)}) differs from the one at ${refLabel(before, multi)} (${iso(c.before.fetchedAt)}): ${parts}. No request was refused for it in this trace.`,
    entries: [after, before],
    tokens: [],
    time: c.before.fetchedAt,
    evidence: {
      jwksUri: c.uri,
      ...(c.added.length === 1 ? { newKid: c.added[0] } : {}),
      ...(c.removed.length === 1 ? { oldKid: c.removed[0] } : {}),
      added: c.added,
      removed: c.removed,
      jwksBefore: snapshotEvidence(c.before),
      jwksAfter: snapshotEvidence(c.after),
    },
    advice: ADVICE_CHANGED,
  };
}

export const rule: Rule = {
  meta: {
    id: 'signing-key-rotated',
    description: "An API refused tokens signed with a kid the issuer already published (stale key cache), or a jwks_uri's key set changed during the session",
    defaultSeverity: 'error',
  },
  check(ctx) {
    const groups = staleKeyGroups(ctx.session, ctx.token);
    const out = groups.map((g) => refusedFinding(ctx, g));
    const explainedKids = new Set(groups.map((g) => g.kid));
    for (const c of keySetChanges(ctx.session.jwks)) {
      // A change that brought in a kid an API refused is already told by that finding.
      if (c.added.some((k) => explainedKids.has(k))) continue;
      if (out.some((f) => f.entries.some((e) => sameRef(e, c.after.entry as EntryRef)))) continue;
      out.push(changeFinding(ctx, c));
    }
    return out;
  },
};
