/**
 * token-in-url: access, ID and refresh tokens (and authorization codes) in
 * URLs, where they end up in server logs, browser history and Referer
 * headers. Authorization codes in the redirect query are how the code flow
 * works and are not reported.
 */
import type { Entry, EntryRef, FindingDraft, Severity, TokenUse } from '../model/index.js';
import { headerValue } from '../model/index.js';
import type { SessionToken } from '../extract/index.js';
import { hostOf } from '../extract/index.js';
import { isMicrosoftAuthority, isMicrosoftIssued } from '../jwt/index.js';
import { refLabel, tokenLabel, uniqueRefs } from './support/evidence.js';
import { sameSite } from './support/sites.js';
import type { Rule, RuleContext } from './types.js';

type Reason = 'query' | 'query-no-header-api' | 'id-token-hint' | 'referer' | 'referer-third-party' | 'code-referer-third-party' | 'implicit-fragment';

const SEVERITY: Record<Reason, Severity> = {
  query: 'warning',
  'query-no-header-api': 'info',
  'id-token-hint': 'info',
  referer: 'warning',
  'referer-third-party': 'error',
  'code-referer-third-party': 'warning',
  'implicit-fragment': 'info',
};

const WHAT: Record<Reason, string> = {
  query: 'sent in the URL query',
  'query-no-header-api': 'sent in the URL query of a WebSocket/EventSource request',
  'id-token-hint': 'sent as id_token_hint in the URL query',
  referer: 'leaked in the Referer header',
  'referer-third-party': 'leaked to a third-party site in the Referer header',
  'code-referer-third-party': 'leaked to a third-party site in the Referer header',
  'implicit-fragment': 'delivered in the URL fragment (implicit flow)',
};

const ADVICE: Record<Reason, string> = {
  query: 'Send tokens in the Authorization header, never in the URL: URLs are written to proxy and server logs, browser history and Referer headers.',
  'query-no-header-api':
    'Browsers cannot set headers on WebSocket/EventSource requests, so a query token is common there (SignalR does it); keep such tokens short-lived, exclude the query from server logs, or use a one-time ticket instead.',
  'id-token-hint': 'id_token_hint in a logout or authorize URL is allowed by OpenID Connect, but the ID token lands in logs; prefer logout_hint (MSAL does) where the provider supports it.',
  referer:
    'A page whose URL held a token loaded other resources, and the browser sent that URL as Referer. Remove tokens from URLs (use the Authorization header / form_post), and set Referrer-Policy: no-referrer or strict-origin on pages that receive them.',
  'referer-third-party':
    'A token was disclosed to another site through the Referer header: treat it as leaked (revoke sessions / let it expire), stop putting tokens in URLs, and set Referrer-Policy: no-referrer on pages that receive them.',
  'code-referer-third-party':
    'The redirect page loaded third-party resources while its URL still held the authorization code. Set Referrer-Policy: no-referrer (or strict-origin) on the redirect URI page and remove the code from the URL (history.replaceState) before loading other content; use PKCE so a leaked code is useless.',
  'implicit-fragment':
    'The implicit flow returns tokens in the URL fragment, where browser history and scripts on the page can read them. Move to the authorization code flow with PKCE (MSAL.js 2+ does this) and turn off implicit grant for access/ID tokens in the app registration.',
};

const TOKEN_FIELDS = new Set(['access_token', 'id_token', 'refresh_token']);

/** Tokens this rule speaks about: Entra-issued JWTs, or any token handed out in an OAuth field in this trace. */
function inScope(t: SessionToken): boolean {
  if (t.kind === 'code') return true;
  if (t.kind !== 'access' && t.kind !== 'id' && t.kind !== 'refresh') return false;
  if (t.format === 'jws' && isMicrosoftIssued(t.claims)) return true;
  return !!t.issuedAt?.field && TOKEN_FIELDS.has(t.issuedAt.field);
}

function isHeaderlessApi(e: Entry | undefined): boolean {
  if (!e) return false;
  if (/^wss?:/i.test(e.request.url) || e.response.status === 101) return true;
  if ((headerValue(e.request.headers, 'upgrade') ?? '').toLowerCase() === 'websocket') return true;
  const type = (e.meta?.resourceType ?? '').toLowerCase();
  return type === 'websocket' || type === 'eventsource' || (headerValue(e.request.headers, 'accept') ?? '').includes('text/event-stream');
}

function reasonOfUse(ctx: RuleContext, t: SessionToken, u: TokenUse): Reason | undefined {
  if (u.where === 'fragment') return t.kind === 'code' ? undefined : 'implicit-fragment';
  if (u.where === 'query') {
    if (t.kind === 'code') return undefined;
    if (u.field === 'id_token_hint') return 'id-token-hint';
    return isHeaderlessApi(ctx.entry(u)) ? 'query-no-header-api' : 'query';
  }
  if (u.where === 'header' && u.field === 'referer') {
    const pageHost = hostOf(headerValue(ctx.entry(u)?.request.headers ?? [], 'referer') ?? '');
    const thirdParty = !!pageHost && !sameSite(pageHost, u.host) && !isMicrosoftAuthority(u.host);
    if (t.kind === 'code') return thirdParty ? 'code-referer-third-party' : undefined;
    return thirdParty ? 'referer-third-party' : 'referer';
  }
  return undefined;
}

/** Host a redirect sends the browser to (Location, or HAR redirectURL). */
function redirectHost(e: Entry | undefined): string {
  if (!e) return '';
  const location = headerValue(e.response.headers, 'location') ?? e.response.redirectURL ?? '';
  try {
    return new URL(location, e.request.url).host.toLowerCase();
  } catch {
    return '';
  }
}

interface Group {
  reason: Reason;
  host: string;
  tokens: SessionToken[];
  refs: EntryRef[];
  times: number[];
  fields: Set<string>;
}

export const rule: Rule = {
  meta: { id: 'token-in-url', description: 'Access/ID/refresh tokens or authorization codes in URLs (query, fragment, Referer)', defaultSeverity: 'warning' },
  check(ctx) {
    const multi = ctx.session.inputs.length > 1;
    const groups = new Map<string, Group>();
    const add = (reason: Reason, host: string, t: SessionToken, ref: EntryRef, time: number, field?: string) => {
      const k = `${reason}\n${host}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { reason, host, tokens: [], refs: [], times: [], fields: new Set() }));
      if (!g.tokens.includes(t)) g.tokens.push(t);
      g.refs.push(ref);
      g.times.push(time);
      if (field) g.fields.add(field);
    };
    for (const t of ctx.session.tokens) {
      if (!inScope(t)) continue;
      for (const u of t.uses) {
        const reason = reasonOfUse(ctx, t, u);
        if (reason) add(reason, u.host, t, { input: u.input, index: u.index }, u.sentAt, u.field);
      }
      const issue = t.issuedAt;
      if (issue && t.kind !== 'code' && (issue.where === 'fragment' || issue.where === 'query')) {
        // Location of a redirect: the token rides in the URL the browser goes to next.
        add(issue.where === 'fragment' ? 'implicit-fragment' : 'query', redirectHost(ctx.entry(issue)), t, { input: issue.input, index: issue.index }, issue.receivedAt, issue.field);
      }
    }
    return [...groups.values()].map((g): FindingDraft => {
      const refs = uniqueRefs(g.refs);
      const kinds = [...new Set(g.tokens.map((t) => (t.kind === 'code' ? 'authorization code' : tokenLabel(t).replace(/ [0-9a-f]{12}$/, ''))))];
      const who = g.tokens.length === 1 ? tokenLabel(g.tokens[0]!).replace(/^code token/, 'authorization code') : `${g.tokens.length} tokens (${kinds.join(', ')})`;
      const to = g.host ? ` to ${g.host}` : '';
      return {
        rule: 'token-in-url',
        severity: SEVERITY[g.reason],
        title: `${who[0]!.toUpperCase()}${who.slice(1)} ${WHAT[g.reason]}${to}`,
        message: `${who[0]!.toUpperCase()}${who.slice(1)} ${g.tokens.length === 1 ? 'was' : 'were'} ${WHAT[g.reason]}${to} at ${refs.slice(0, 5).map((r) => refLabel(r, multi)).join(', ')}${refs.length > 5 ? `, … (${refs.length} requests)` : ''}.`,
        entries: refs.slice(0, 50),
        tokens: g.tokens.map((t) => t.id),
        time: Math.min(...g.times),
        evidence: {
          reason: g.reason,
          ...(g.host ? { host: g.host } : {}),
          ...(g.fields.size ? { fields: [...g.fields] } : {}),
          kinds,
          requests: refs.length,
          tokens: g.tokens.slice(0, 20).map((t) => ({ token: t.id, kind: t.kind })),
        },
        advice: ADVICE[g.reason],
      };
    });
  },
};
