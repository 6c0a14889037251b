/**
 * audience-mismatch: a token's `aud` is not what the API it was sent to
 * accepts. One finding per (API origin, token audience). See
 * docs/rules/audience-mismatch.md.
 */
import type { FindingDraft } from '../model/index.js';
import { audienceList, sameAudience } from '../jwt/index.js';
import type { Rule, RuleContext } from './types.js';
import { collectAudienceUses, type AudienceGroup } from './support/audience-groups.js';
import { iso, refLabel, tokenLabel, uniqueRefs } from './support/evidence.js';
import { acceptedUsesByOrigin } from './support/session-index.js';
import { plainRef } from './support/refs.js';
import { capitalize } from './support/text.js';

/**
 * The first later request to the same API that got through with a token for
 * another audience (the expected one, when known). When only the form of the
 * identifier differed, "another audience" means another literal value.
 */
function fixOf(ctx: RuleContext, g: AudienceGroup, formOnly: boolean): AudienceGroup['fixedAt'] {
  const after = Math.max(...g.refused.map((r) => r.use.sentAt));
  const same = formOnly ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase() : sameAudience;
  const expected = [...g.expected];
  for (const u of acceptedUsesByOrigin(ctx).get(g.origin) ?? []) {
    if (u.time <= after) continue;
    const aud = audienceList(ctx.token(u.token)?.claims?.aud);
    if (aud.length === 0 || aud.some((a) => g.aud.some((b) => same(a, b)))) continue;
    if (expected.length > 0 && !aud.some((a) => expected.some((e) => sameAudience(a, e)))) continue;
    return { ref: u.ref, token: u.token, aud, time: u.time };
  }
  return undefined;
}

function advice(g: AudienceGroup, formOnly: boolean, expected: string[]): string {
  if (g.wrongResource) {
    return `Request the token for the resource you call: a token for ${g.wrongResource.tokenFor} only works at ${g.wrongResource.tokenFor}. In MSAL ask for the API's own scope (e.g. api://<API client id>/.default or its delegated scope) before calling ${g.host}.`;
  }
  if (formOnly) {
    return `The API knows only one form of its own identifier. v1.0 tokens carry the App ID URI (api://…), v2.0 tokens the client id GUID: add both to the API's ValidAudiences (or Audience/Audiences in Microsoft.Identity.Web config), or set "accessTokenAcceptedVersion" in the API app registration's manifest to the version the API expects.`;
  }
  const want = expected.length ? ` (${expected.join(', ')})` : '';
  return `Request the token for this API's scope${want} — scope "<App ID URI>/.default" or a delegated scope of that API — not for another resource. If the token's audience is the right one, add it to the API's ValidAudiences (both the client id GUID and the App ID URI forms).`;
}

function findingOf(ctx: RuleContext, g: AudienceGroup): FindingDraft {
  const multi = ctx.session.inputs.length > 1;
  const expected = [...g.expected];
  const formOnly = g.refused.length > 0 && expected.length > 0 && g.aud.some((a) => expected.some((e) => sameAudience(a, e)));
  const fixedAt = g.refused.length ? fixOf(ctx, g, formOnly) : undefined;
  // Without a stated expectation, the audience that got through is what the API wants.
  if (expected.length === 0 && fixedAt) expected.push(...fixedAt.aud);
  const severity = g.refused.length > 0 && !(g.sources.size === 1 && g.sources.has('accepted-elsewhere')) ? 'error' : 'warning';
  const lead = g.refused[0] ?? g.accepted[0]!;
  const audText = g.aud.join(', ') || 'unknown';
  const expectedText = expected.length ? expected.join(', ') : g.wrongResource ? g.wrongResource.sentTo : 'another audience';
  const single = g.tokens.size === 1 ? ctx.token([...g.tokens][0]!) : undefined;
  const tokenName = single ? tokenLabel(single) : g.tokens.size ? `${g.tokens.size} tokens` : 'a token';
  const title = g.refused.length
    ? `${tokenName} refused by ${g.host}: audience ${audText}, expected ${expectedText}`
    : `${tokenName} for audience ${audText} sent to ${g.host}, expected ${expectedText}`;
  const refs = g.refused.map((r) => r.use);
  let message = g.refused.length
    ? `${g.host} refused ${tokenName} for audience ${audText} at ${refs.slice(0, 5).map((r) => refLabel(r, multi)).join(', ')}${refs.length > 5 ? ` and ${refs.length - 5} more` : ''} (${lead.verdict.status}${g.code ? `, ${g.code}` : ''}); it accepts ${expectedText}.`
    : `Token(s) for audience ${audText} were sent to ${g.host} (${g.accepted.slice(0, 5).map((u) => refLabel(u.use, multi)).join(', ')}); --expect-aud says ${expectedText}.`;
  if (formOnly) message += ' Both name the same app (client id GUID vs App ID URI, or a trailing slash), but the API compares them literally.';
  if (g.wrongResource) message += ` The token was issued for ${g.wrongResource.tokenFor} and sent to ${g.wrongResource.sentTo}.`;
  if (g.sources.has('accepted-elsewhere') && g.acceptedElsewhere) message += ` The same token was accepted at ${g.acceptedElsewhere.host} (${refLabel(g.acceptedElsewhere.ref, multi)}), so it is a token for that API.`;
  if (fixedAt) message += ` Fixed at ${refLabel(fixedAt.ref, multi)}: token ${fixedAt.token} for ${fixedAt.aud.join(', ')} was accepted.`;

  const evidence: Record<string, unknown> = {
    aud: g.aud,
    expectedAudience: expected,
    api: g.host,
    origin: g.origin,
    source: [...g.sources],
    status: lead.verdict.status,
    refusedEntries: refs.map(plainRef),
  };
  if (g.accepted.length) evidence.acceptedEntries = g.accepted.slice(0, 20).map((u) => plainRef(u.use));
  if (g.code) evidence.code = g.code;
  if (formOnly) evidence.formOnly = true;
  if (g.wrongResource) evidence.wrongResource = g.wrongResource;
  if (g.acceptedElsewhere) evidence.acceptedAt = { host: g.acceptedElsewhere.host, entry: plainRef(g.acceptedElsewhere.ref) };
  if (fixedAt) evidence.fixedAt = { entry: plainRef(fixedAt.ref), token: fixedAt.token, aud: fixedAt.aud, time: iso(fixedAt.time) };

  const entries = uniqueRefs([...refs, ...g.accepted.map((u) => u.use), ...(fixedAt ? [fixedAt.ref] : [])]);
  const draft: FindingDraft = {
    rule: 'audience-mismatch',
    severity,
    title: capitalize(title),
    message: capitalize(message),
    entries,
    tokens: [...g.tokens, ...(fixedAt ? [fixedAt.token] : [])].filter((v, i, a) => a.indexOf(v) === i),
    time: Math.min(...[...g.refused, ...g.accepted].map((u) => u.use.sentAt)),
    evidence,
    advice: advice(g, formOnly, expected),
  };
  if (g.code) draft.code = g.code;
  return draft;
}

export const rule: Rule = {
  meta: {
    id: 'audience-mismatch',
    description: "A token's aud is not what the API it was sent to accepts (API error, --expect-aud, or refused-then-accepted).",
    defaultSeverity: 'error',
  },
  check(ctx) {
    const groups = collectAudienceUses(ctx);
    return [...groups.values()].filter((g) => g.refused.length > 0 || g.accepted.length > 0).map((g) => findingOf(ctx, g));
  },
};
