import type { AnalysisSettings, Entry, EntryRef, RunWarning, TokenIssue, TokenUse, TraceInfo } from '../model/index.js';
import { estimateOriginClocks } from './clocks/estimate.js';
import { clockSampleOf } from './clocks/samples.js';
import { collectErrors } from './errors/collect.js';
import { oauthErrorFromJson } from './errors/oauth-error.js';
import type { ErrorSource, OAuthError } from './session.js';
import { linkAuthorizeResponses } from './link-authorize.js';
import { authorizeRequestOf } from './oauth/authorize.js';
import { isTokenEndpointRequest, tokenRequestOf } from './oauth/token-endpoint.js';
import { jwksSnapshot, metadataFetchOfKind, metadataKindOf, oidcMetadata } from './keys/metadata.js';
import { verifyTokens } from './keys/verify.js';
import { emptySanitizationFacts, observeSanitization } from './sanitization.js';
import type { JwksSnapshot, OidcMetadata, Session } from './session.js';
import { requestCandidates } from './tokens/request-tokens.js';
import { responseCandidates } from './tokens/response-tokens.js';
import { TokenRegistry } from './tokens/registry.js';
import { ALL_MARKS, bodyMarks, bodyText, jsonObject, receivedAt } from './util/body.js';
import { hostOf } from './util/url.js';
import { retainBodies } from './retain.js';

export interface ExtractorOptions {
  settings: AnalysisSettings;
  /** Key sets and OpenID configurations given on the command line (--jwks). */
  extraKeySets?: { jwks?: JwksSnapshot; oidc?: OidcMetadata }[];
}

export interface Extractor {
  /** Feed entries in any order (file order per input is fine). */
  add(entry: Entry): void;
  /** The entries added so far, trimmed as the Session keeps them (a live view: it grows with `add`). */
  entriesSoFar(): readonly Entry[];
  addWarning(w: RunWarning): void;
  finish(inputs: TraceInfo[]): Promise<Session>;
}

/**
 * Builds a Session from a stream of entries. Each entry is looked at once
 * while its body text is still there; afterwards only what the rules need is
 * kept (and bodies are trimmed so a 1 GB trace stays small in memory).
 */
export function createExtractor(options: ExtractorOptions): Extractor {
  const registry = new TokenRegistry();
  const session: Omit<Session, 'inputs' | 'tokens' | 'originClocks' | 'emptyBearers'> = {
    entries: [],
    tokenRequests: [],
    authorizeRequests: [],
    authorizeResponses: [],
    errors: [],
    challenges: [],
    jwks: [],
    oidcMetadata: [],
    metadataFetches: [],
    clockSamples: [],
    sanitization: emptySanitizationFacts(),
    warnings: [],
  };
  for (const k of options.extraKeySets ?? []) {
    if (k.jwks) session.jwks.push(k.jwks);
    if (k.oidc) session.oidcMetadata.push(k.oidc);
  }
  const retain = retainBodies();
  const emptyBearers: EntryRef[] = [];

  function add(entry: Entry): void {
    const ref = { input: entry.input, index: entry.index };
    const host = hostOf(entry.request.url);
    const resText = bodyText(entry.response.body);
    // About one pass over the body text tells which of the searches below can find anything in it.
    const marks = resText === undefined ? ALL_MARKS : bodyMarks(resText);
    const toTokenEndpoint = isTokenEndpointRequest(entry);
    const metadataKind = metadataKindOf(entry.request.url);
    const always = toTokenEndpoint || metadataKind !== undefined;
    const json = marks.json || always ? jsonObject(resText) : undefined;

    // Tokens sent in the request.
    const scan = requestCandidates(entry);
    if (scan.emptyBearer && emptyBearers.length < 1000) emptyBearers.push(ref);
    const sent: string[] = [];
    for (const c of scan.candidates) {
      const t = registry.observe(c.value, c.kindHint);
      if (!t) continue;
      // Literals, not spreads: one use per candidate adds up on traces with thousands of API calls.
      const use: TokenUse = c.field
        ? { input: ref.input, index: ref.index, where: c.where, status: entry.response.status, host, sentAt: entry.startedAt, field: c.field }
        : { input: ref.input, index: ref.index, where: c.where, status: entry.response.status, host, sentAt: entry.startedAt };
      registry.addUse(t, use);
      if (!sent.includes(t.id)) sent.push(t.id);
    }

    // Protocol facts.
    const oauthErrors: { error: OAuthError; source: ErrorSource }[] = [];
    const tokenReq = toTokenEndpoint ? tokenRequestOf(entry, json) : undefined;
    if (tokenReq) {
      tokenReq.sentTokens = sent;
      if (tokenReq.error) oauthErrors.push({ error: tokenReq.error, source: 'token-endpoint' });
      session.tokenRequests.push(tokenReq);
    }
    const authReq = authorizeRequestOf(entry);
    if (authReq) session.authorizeRequests.push(authReq);
    for (const r of linkAuthorizeResponses(entry)) {
      session.authorizeResponses.push(r);
      if (r.error) oauthErrors.push({ error: r.error, source: r.via === 'form_post' ? 'form_post' : r.via === 'url-query' ? 'url' : 'redirect' });
    }
    if (!tokenReq && json && (json.error_codes !== undefined || typeof json.error_description === 'string')) {
      // Other JSON error bodies with OAuth-style fields (an API relaying an AADSTS error...).
      const relayed = oauthErrorFromJson(json);
      if (relayed) oauthErrors.push({ error: relayed, source: 'body' });
    }

    // Tokens handed out in the response.
    const issued: string[] = [];
    for (const c of responseCandidates(entry, json, marks)) {
      const t = registry.observe(c.value, c.kindHint);
      if (!t) continue;
      const issue: TokenIssue = c.field
        ? { input: ref.input, index: ref.index, where: c.where, receivedAt: receivedAt(entry), field: c.field }
        : { input: ref.input, index: ref.index, where: c.where, receivedAt: receivedAt(entry) };
      if (tokenReq) {
        Object.assign(issue, {
          ...(tokenReq.grantType ? { grantType: tokenReq.grantType } : {}),
          ...(tokenReq.clientId ? { clientId: tokenReq.clientId } : {}),
          ...(tokenReq.resource ? { resource: tokenReq.resource } : {}),
          ...(tokenReq.scope ? { scope: tokenReq.scope } : {}),
          ...(tokenReq.expiresIn ? { expiresIn: tokenReq.expiresIn } : {}),
        });
        const redeemed = tokenReq.sentTokens.find((id) => registry.get(id)?.kind === 'refresh' || registry.get(id)?.kind === 'code');
        if (redeemed && !t.redeemed) t.redeemed = redeemed;
      }
      registry.setIssue(t, issue);
      if (!issued.includes(t.id)) issued.push(t.id);
    }
    if (tokenReq) tokenReq.issuedTokens = issued;

    const { errors, challenges } = collectErrors(entry, sent, oauthErrors, marks);
    session.errors.push(...errors);
    session.challenges.push(...challenges);

    const snap = jwksSnapshot(entry, json);
    if (snap) session.jwks.push(snap);
    const oidc = oidcMetadata(entry, json);
    if (oidc) session.oidcMetadata.push(oidc);
    const fetch = metadataFetchOfKind(entry, metadataKind);
    if (fetch) session.metadataFetches.push(fetch);
    const clock = clockSampleOf(entry);
    if (clock) session.clockSamples.push(clock);
    observeSanitization(session.sanitization, entry, !!tokenReq || !!authReq, scan);

    session.entries.push(retain(entry));
  }

  async function finish(inputs: TraceInfo[]): Promise<Session> {
    const tokens = registry.all();
    if (registry.dropped > 0) {
      session.warnings.push({ code: 'too-many-tokens', message: `${registry.dropped} further token values were not tracked (limit reached)`, entries: [] });
    }
    session.jwks.sort((a, b) => a.fetchedAt - b.fetchedAt);
    await verifyTokens(tokens, session.jwks, session.oidcMetadata);
    session.entries.sort((a, b) => a.startedAt - b.startedAt || a.input - b.input || a.index - b.index);
    mergeRedirectErrors(session.errors);
    return {
      ...session,
      inputs,
      tokens,
      originClocks: estimateOriginClocks(session.clockSamples, session.warnings),
      emptyBearers,
    };
  }

  return { add, entriesSoFar: () => session.entries, addWarning: (w) => session.warnings.push(w), finish };
}

/**
 * An authorize error shows up twice in a browser trace: in the 302's Location
 * and again in the URL the browser then requests. Keep the first and link the
 * second, so one error gives one finding.
 */
function mergeRedirectErrors(errors: Session['errors']): void {
  for (let i = errors.length - 1; i >= 0; i--) {
    const e = errors[i]!;
    if (e.source !== 'url' && e.source !== 'form_post') continue;
    const earlier = errors.find(
      (o, j) => j < i && o.code === e.code && o.source === 'redirect' && Math.abs(e.time - o.time) < 120_000 && (o.oauth?.description ?? '') === (e.oauth?.description ?? ''),
    );
    if (earlier) {
      earlier.alsoIn.push(e.entry);
      errors.splice(i, 1);
    }
  }
}
