/**
 * sanitized-trace: the trace was exported without credentials (Chrome/Edge
 * 130+ "Export HAR (sanitized)" drops Authorization, Cookie and Set-Cookie)
 * or with placeholder Authorization values, while it clearly holds sign-in
 * or API traffic: token analysis is limited, and the user should know why.
 */
import type { Entry, EntryRef, FindingDraft, Severity } from '../model/index.js';
import { headerValue } from '../model/index.js';
import type { Session } from '../extract/index.js';
import { hostOf, originOf } from '../extract/index.js';
import { isMicrosoftAuthority } from '../jwt/index.js';
import { uniqueRefs } from './support/evidence.js';
import type { Rule } from './types.js';

const OAUTH_ISSUE_FIELDS = new Set(['access_token', 'id_token', 'refresh_token']);

const ADVICE_EXPORT =
  'Export the trace again with credentials. Chrome/Edge DevTools: Network panel → Settings (gear) → enable "Allow to generate HAR with sensitive data", then use the Export HAR menu → "Export HAR (with sensitive data)" (or right-click → "Copy all as HAR (with sensitive data)"). Firefox "Save All As HAR" and Fiddler keep the headers. The file then holds live credentials: share it only through a secure channel; trace-audit redacts tokens in everything it writes.';
const ADVICE_PLACEHOLDER =
  'Authorization values were replaced by placeholders (by the exporting tool, e.g. Dev Proxy writes REDACTED, or by hand), so those tokens cannot be decoded or checked. Share a trace with the real headers through a secure channel, or pass the token to `trace-audit decode` separately.';

/** Tokens handed out by token/authorize responses in this trace. */
function issuedTokenCount(session: Session): number {
  return session.tokens.filter((t) => t.issuedAt?.field !== undefined && OAUTH_ISSUE_FIELDS.has(t.issuedAt.field)).length;
}

/** A CORS preflight announcing an Authorization header covers the real request this soon after it. */
const PREFLIGHT_WINDOW_MS = 30_000;
const MAX_LISTED = 50;

/** A fetch/XHR to another origin: the kind of request that carries a bearer token in a SPA. */
function isCrossOriginCall(e: Entry): boolean {
  const origin = headerValue(e.request.headers, 'origin');
  if (origin && origin !== 'null' && origin.toLowerCase() !== originOf(e.request.url)) return true;
  const dest = headerValue(e.request.headers, 'sec-fetch-dest');
  const site = headerValue(e.request.headers, 'sec-fetch-site');
  return dest === 'empty' && (site === 'same-site' || site === 'cross-site');
}

/**
 * Requests that were most likely sent with a bearer token the export removed:
 * their CORS preflight asked to send Authorization, or (when the trace issued
 * tokens) they are cross-origin API calls. Sign-in hosts are left out.
 */
function likelyStrippedCalls(session: Session, tokensIssued: boolean): EntryRef[] {
  const announced = new Map<string, number>();
  const out: EntryRef[] = [];
  for (const e of session.entries) {
    if (out.length >= MAX_LISTED) break;
    const url = e.request.url;
    if (e.request.method.toUpperCase() === 'OPTIONS') {
      if (/\bauthorization\b/i.test(headerValue(e.request.headers, 'access-control-request-headers') ?? '')) announced.set(url, e.startedAt);
      continue;
    }
    if (headerValue(e.request.headers, 'authorization') !== undefined || isMicrosoftAuthority(hostOf(url))) continue;
    const preflight = announced.get(url);
    const byPreflight = preflight !== undefined && e.startedAt - preflight <= PREFLIGHT_WINDOW_MS;
    if (byPreflight || (tokensIssued && isCrossOriginCall(e))) out.push({ input: e.input, index: e.index });
  }
  return out;
}

function signInRefs(session: Session): EntryRef[] {
  return [...session.authorizeRequests.map((a) => a.entry), ...session.tokenRequests.map((t) => t.entry)].slice(0, 10);
}

export const rule: Rule = {
  meta: {
    id: 'sanitized-trace',
    description: 'Authorization/Cookie headers were stripped at export (Chrome "sanitized" HAR) or replaced by placeholders, so token analysis is limited',
    defaultSeverity: 'warning',
  },
  check(ctx) {
    const s = ctx.session;
    const f = s.sanitization;
    const issued = issuedTokenCount(s);
    const hasHar = s.inputs.some((i) => i.format === 'har');
    // A browser sign-in always carries cookies; a trace with neither Authorization, Cookie nor Set-Cookie lost them at export.
    const nothingKept = hasHar && f.requests > 0 && f.withAuthorization === 0 && f.withCookie === 0 && f.withSetCookie === 0;
    const authExpected = f.signInTraffic > 0 || issued > 0 || f.unauthenticatedApiCalls.length > 0 || f.producerSaysSanitized;
    const stripped = nothingKept && authExpected;
    const placeholders = f.placeholderAuthorization;
    if (!stripped && placeholders.length === 0) return [];

    const strong = f.signInTraffic > 0 || issued > 0 || f.producerSaysSanitized;
    const severity: Severity = placeholders.length > 0 || strong ? 'warning' : 'info';
    const reasons: string[] = [];
    const parts: string[] = [];
    if (stripped) {
      reasons.push('credentials-stripped');
      const why = [
        f.signInTraffic ? `${f.signInTraffic} sign-in request(s)` : '',
        issued ? `${issued} token(s) issued` : '',
        f.unauthenticatedApiCalls.length ? `${f.unauthenticatedApiCalls.length} request(s) answered 401 without Authorization` : '',
      ].filter(Boolean);
      parts.push(`None of the ${f.requests} requests has an Authorization or Cookie header and no response has Set-Cookie, yet the trace holds ${why.join(', ') || 'an export marked as sanitized'}: it was most likely exported "sanitized" (Chrome/Edge 130+ default), so tokens sent to APIs cannot be checked.`);
    }
    if (placeholders.length) {
      reasons.push('placeholder-authorization');
      parts.push(`${placeholders.length} request(s) carry a placeholder instead of an Authorization value.`);
    }
    const likely = stripped ? likelyStrippedCalls(s, issued > 0) : [];
    const removedHeaders = [f.withAuthorization === 0 ? 'authorization' : '', f.withCookie === 0 ? 'cookie' : '', f.withSetCookie === 0 ? 'set-cookie' : ''].filter(Boolean);
    const entries = uniqueRefs([...placeholders, ...likely, ...f.unauthenticatedApiCalls, ...(stripped ? signInRefs(s) : [])]).slice(0, MAX_LISTED);
    const times = entries.map((r) => ctx.entry(r)?.startedAt).filter((t): t is number => t !== undefined);
    const finding: FindingDraft = {
      rule: 'sanitized-trace',
      severity,
      title: stripped ? 'Credentials were stripped from this trace: token analysis is limited' : 'Authorization values are placeholders: token analysis is limited',
      message: parts.join(' '),
      entries,
      tokens: [],
      evidence: {
        reasons,
        ...(stripped ? { removedHeaders } : {}),
        requests: f.requests,
        authorizationHeaders: f.withAuthorization,
        cookieHeaders: f.withCookie,
        setCookieHeaders: f.withSetCookie,
        signInRequests: f.signInTraffic,
        tokensIssued: issued,
        unauthenticated401s: f.unauthenticatedApiCalls.slice(0, 20),
        ...(likely.length ? { likelyStrippedRequests: likely.slice(0, 20) } : {}),
        ...(placeholders.length ? { placeholderAuthorization: placeholders.slice(0, 20) } : {}),
        ...(f.producerSaysSanitized ? { producerSaysSanitized: true } : {}),
        producers: [...new Set(s.inputs.map((i) => i.producer).filter((p): p is string => !!p))],
      },
      advice: [stripped ? ADVICE_EXPORT : '', placeholders.length ? ADVICE_PLACEHOLDER : ''].filter(Boolean).join(' '),
    };
    if (times.length) finding.time = Math.min(...times);
    return [finding];
  },
};
