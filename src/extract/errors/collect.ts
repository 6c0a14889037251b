import type { Entry, EntryRef } from '../../model/index.js';
import { allHeaders } from '../util/headers.js';
import { redactText } from '../../report/redact.js';
import type { Challenge, ErrorOccurrence, ErrorSource, OAuthError } from '../session.js';
import { bodyTexts, type BodyMarks } from '../util/body.js';
import { hostOf } from '../util/url.js';
import { findAadsts, findConfigErrors, findIdx, type CodeHit } from './codes.js';
import { parseIdxDetails } from './idx-details.js';
import { decodeClaims } from './oauth-error.js';
import { parseWwwAuthenticate } from './www-authenticate.js';

/** What findConfigErrors, findAadsts and findIdx each need at the least. */
const ANY_CODE = /AADSTS|IDX\d|sErrorCode/;

export interface EntryErrors {
  errors: ErrorOccurrence[];
  challenges: Challenge[];
}

interface Context {
  entry: Entry;
  ref: EntryRef;
  tokens: string[];
  seen: Set<string>;
  out: ErrorOccurrence[];
}

function add(ctx: Context, hit: CodeHit, source: ErrorSource, oauth?: OAuthError): void {
  if (ctx.seen.has(hit.code)) return;
  ctx.seen.add(hit.code);
  const occ: ErrorOccurrence = {
    code: hit.code,
    kind: hit.code.startsWith('IDX') ? 'idx' : 'aadsts',
    entry: ctx.ref,
    alsoIn: [],
    source,
    status: ctx.entry.response.status,
    host: hostOf(ctx.entry.request.url),
    time: ctx.entry.startedAt,
    message: redactText(hit.message).slice(0, 500),
    details: hit.code.startsWith('IDX') ? parseIdxDetails(hit.message) : {},
    tokens: ctx.tokens,
  };
  if (oauth) occ.oauth = oauth;
  ctx.out.push(occ);
}

/**
 * AADSTS and IDX codes in an entry's response, most specific source first
 * (a code found in the token endpoint JSON is not counted again from the
 * body text), plus every WWW-Authenticate challenge.
 *
 * `oauthErrors` are the OAuth error objects already parsed for this entry
 * (token endpoint JSON, redirect parameters, form_post) with their source.
 * `bodyMayMatter` false: the body text is known to hold no code.
 */
export function collectErrors(
  entry: Entry,
  tokens: string[],
  oauthErrors: { error: OAuthError; source: ErrorSource }[],
  bodyMayMatter: boolean | Readonly<BodyMarks> = true,
): EntryErrors {
  // Marks describe the body's text; fragments (a large body) are searched in full.
  const known = typeof bodyMayMatter === 'object' && entry.response.body?.text !== undefined ? bodyMayMatter : undefined;
  const texts = bodyMayMatter && !(known && !known.code) ? bodyTexts(entry.response.body) : [];
  const challengeValues = allHeaders(entry.response.headers, 'www-authenticate');
  // Most entries have none of the three sources: answer without building the context.
  if (oauthErrors.length === 0 && challengeValues.length === 0 && texts.length === 0) return { errors: [], challenges: [] };
  const ref = { input: entry.input, index: entry.index };
  const ctx: Context = { entry, ref, tokens, seen: new Set(), out: [] };
  for (const { error, source } of oauthErrors) {
    const msgs = new Map(findAadsts(error.description ?? '').map((h) => [h.code, h.message]));
    for (const code of error.codes) add(ctx, { code, message: msgs.get(code) ?? error.description ?? code }, source, error);
    for (const h of findIdx(error.description ?? '')) add(ctx, h, source, error);
  }
  const challenges: Challenge[] = [];
  for (const value of challengeValues) {
    for (const c of parseWwwAuthenticate(value)) {
      const ch: Challenge = { entry: ref, status: entry.response.status, host: hostOf(entry.request.url), time: entry.startedAt, scheme: c.scheme || 'Bearer', params: {}, tokens };
      for (const [k, v] of Object.entries(c.params)) ch.params[k] = k === 'claims' ? v : redactText(v).slice(0, 1000);
      const claims = decodeClaims(c.params.claims);
      if (claims) ch.claims = claims;
      challenges.push(ch);
      const desc = c.params.error_description ?? '';
      const oauth: OAuthError = { codes: [] };
      if (c.params.error) oauth.error = c.params.error;
      if (desc) oauth.description = redactText(desc);
      if (claims) oauth.claims = claims;
      for (const h of [...findIdx(desc), ...findAadsts(desc)]) add(ctx, h, 'www-authenticate', oauth);
    }
  }
  for (const text of texts) {
    // One pass (or the marks) decides whether any of the three searches below can find something.
    if (!known && !ANY_CODE.test(text)) continue;
    const html = text.includes('$Config') || text.includes('sErrorCode');
    for (const h of findConfigErrors(text)) add(ctx, h, 'html');
    for (const h of findAadsts(text)) add(ctx, h, html ? 'html' : 'body');
    for (const h of findIdx(text)) add(ctx, h, 'body');
  }
  return { errors: ctx.out, challenges };
}
