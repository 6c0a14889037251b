/**
 * aad-error: every AADSTS code a server put in the trace (token endpoint JSON,
 * authorize redirect, form_post, login page $Config, WWW-Authenticate, other
 * bodies), one finding per (code, entry), explained from the catalog and tied
 * to the client, grant, client authentication and tokens involved — unless a
 * more specific rule already carries that code at that entry.
 */
import { explain } from '../catalog/index.js';
import type { FindingDraft, Severity } from '../model/index.js';
import type { ErrorOccurrence } from '../extract/index.js';
import { iso, uniqueRefs } from './support/evidence.js';
import { authorizeRequestFor, flowSucceededAfter, stateOf, tokenRequestAt } from './support/flow.js';
import { isExplained, type Rule, type RuleContext } from './types.js';

const SOURCE_LABEL: Record<ErrorOccurrence['source'], string> = {
  'token-endpoint': 'the token endpoint',
  redirect: 'the authorize endpoint (redirect)',
  form_post: 'the authorize endpoint (form_post)',
  url: 'the redirect URI request',
  html: 'the sign-in page',
  'www-authenticate': 'a WWW-Authenticate challenge',
  body: 'a response body',
};

/** `s` without trailing whitespace and escaped line breaks (`\r\n` left as text by some servers). */
function trimTail(s: string): string {
  let end = s.length;
  // Each pass removes at least one character. A regex here backtracked quadratically
  // on long whitespace runs (seconds for one hostile 80 KB description).
  for (;;) {
    if (end > 0 && /\s/.test(s[end - 1]!)) end--;
    else if (end >= 4 && s.startsWith('\\r\\n', end - 4)) end -= 4;
    else return s.slice(0, end);
  }
}

/** Description without Entra's trailing "Trace ID: … Correlation ID: … Timestamp: …". */
function shortDescription(occ: ErrorOccurrence): string | undefined {
  const d = occ.oauth?.description ?? occ.message;
  if (!d) return undefined;
  const traceAt = d.search(/Trace ID:/i);
  return trimTail(traceAt < 0 ? d : d.slice(0, traceAt)).replace(/\s+/g, ' ').trim().slice(0, 400);
}

function sentence(s: string): string {
  return /[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`;
}

function check(ctx: RuleContext): FindingDraft[] {
  const { session } = ctx;
  const out: FindingDraft[] = [];
  for (const occ of session.errors) {
    if (occ.kind !== 'aadsts') continue;
    // A specific rule (token-expired for AADSTS500133, cloud-mismatch for 90038…) already explained it.
    if (isExplained(ctx.previous, occ.code, occ.entry)) continue;
    const cat = explain(occ.code) ?? { code: occ.code, kind: 'aadsts' as const, known: false };
    const tokenReq = tokenRequestAt(session, occ.entry);
    const state = stateOf(session, occ);
    const authReq = !tokenReq && (occ.source === 'redirect' || occ.source === 'url' || occ.source === 'form_post' || occ.source === 'html')
      ? authorizeRequestFor(session, state !== undefined ? { entry: occ.entry, time: occ.time, state } : occ)
      : undefined;
    const clientId = tokenReq?.clientId ?? authReq?.clientId;
    let severity: Severity = cat.known ? (cat.severity ?? 'warning') : 'warning';
    const recovered = flowSucceededAfter(session, occ.time, clientId);
    // Interrupts (MFA needed, consent needed, no session for silent sign-in) are
    // part of working flows; they matter only when the flow ends there.
    if (severity === 'info' && !recovered) severity = 'warning';

    const evidence: Record<string, unknown> = {
      code: occ.code,
      inCatalog: cat.known,
      source: occ.source,
      status: occ.status,
      host: occ.host,
      time: iso(occ.time),
    };
    if (cat.name) evidence.name = cat.name;
    if (cat.category) evidence.category = cat.category;
    if (occ.oauth?.error) evidence.error = occ.oauth.error;
    if (occ.oauth?.suberror) evidence.suberror = occ.oauth.suberror;
    const desc = shortDescription(occ);
    if (desc) evidence.description = desc;
    if (occ.oauth?.traceId) evidence.traceId = occ.oauth.traceId;
    if (occ.oauth?.correlationId) evidence.correlationId = occ.oauth.correlationId;
    if (occ.oauth?.timestamp) evidence.timestamp = occ.oauth.timestamp;
    if (occ.oauth?.claims) evidence.claimsChallenge = occ.oauth.claims.slice(0, 500);
    if (tokenReq) {
      if (tokenReq.grantType) evidence.grantType = tokenReq.grantType;
      evidence.clientAuth = tokenReq.clientAuth;
      if (tokenReq.scope) evidence.scope = tokenReq.scope;
      if (tokenReq.resource) evidence.resource = tokenReq.resource;
      if (tokenReq.tenant) evidence.tenant = tokenReq.tenant;
    }
    if (authReq) {
      evidence.authorizeRequest = authReq.entry.index;
      if (authReq.redirectUri) evidence.redirectUri = authReq.redirectUri;
      if (authReq.responseType) evidence.responseType = authReq.responseType;
      if (authReq.scope) evidence.scope = authReq.scope;
      if (authReq.tenant) evidence.tenant = authReq.tenant;
    }
    if (clientId) evidence.clientId = clientId;
    evidence.flowRecoveredLater = recovered;

    const name = cat.name ? ` (${cat.name})` : '';
    const gist = cat.known ? cat.gist : 'not in catalog';
    const where = `${SOURCE_LABEL[occ.source]} at #${occ.entry.index}`;
    const grant = tokenReq?.grantType ? `, grant ${tokenReq.grantType}` : '';
    const client = clientId ? `, client ${clientId}` : '';
    const auth = tokenReq && tokenReq.clientAuth !== 'unknown' && tokenReq.clientAuth !== 'none' ? `, client auth ${tokenReq.clientAuth}` : '';
    const statusText = occ.status ? ` (HTTP ${occ.status}${occ.oauth?.error ? ` ${occ.oauth.error}` : ''})` : '';
    out.push({
      rule: 'aad-error',
      severity,
      title: `${occ.code}${name}: ${gist}`,
      message: `${occ.code} from ${where}${statusText}${grant}${client}${auth}.${desc ? ` ${desc}` : ''}${recovered ? ' The flow succeeded later.' : ''}`,
      entries: uniqueRefs([occ.entry, ...occ.alsoIn, ...(authReq ? [authReq.entry] : [])]),
      tokens: occ.tokens,
      time: occ.time,
      code: occ.code,
      evidence,
      advice: cat.known
        ? `${sentence(cat.check ?? '')}${authReq?.redirectUri && cat.category === 'redirect-uri' ? ` The request asked for redirect URI ${authReq.redirectUri}.` : ''}`
        : `${occ.code} is not in the bundled catalog; search Microsoft's AADSTS error reference for it and read the error_description above.`,
    });
  }
  return out;
}

export const rule: Rule = {
  meta: { id: 'aad-error', description: 'An AADSTS error code returned by Microsoft Entra ID, explained', defaultSeverity: 'error' },
  check,
};
