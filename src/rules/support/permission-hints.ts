/**
 * What a refusing API said about permissions, from the most to the least
 * specific:
 *  named    WWW-Authenticate: Bearer error="insufficient_scope", scope="api://x/Files.Read"
 *           Microsoft.Identity.Web IDW10203 "The 'scope' or 'scp' claim does not contain scopes 'a,b' or was not found."
 *           IDW10202 "The 'roles' or 'role' claim does not contain roles 'a,b' or was not found."
 *  generic  insufficient_scope without a scope; IDW10201 "Neither scope or roles claim was found";
 *           Graph "Either scp or roles claim need to be present in the token."
 *  vague    Graph 403 "Insufficient privileges to complete the operation." (Authorization_RequestDenied)
 */
import type { ServerVerdict } from './server-verdict.js';

export interface PermissionHint {
  kind: 'scope' | 'role' | 'unknown';
  /** Names as the API gave them (full scope URIs are kept; compare with `shortName`). */
  required: string[];
  strength: 'named' | 'generic' | 'vague';
  source: string;
}

/** Quoted lists (Microsoft.Identity.Web) or a bare name (hand-written ports of its messages). */
const SCOPE_LIST = /does not contain (?:the )?(?:required )?scopes?\s*(?:'([^']+)'|([\w.:/,-]+))/i;
const ROLE_LIST = /does not contain (?:the )?(?:required )?roles?\s*(?:'([^']+)'|([\w.:/,-]+))/i;

function split(list: string, sep: RegExp): string[] {
  return list
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** "api://x/Files.Read" → "files.read": tokens carry short scope names. */
export function shortName(name: string): string {
  const i = name.lastIndexOf('/');
  return (i >= 0 && i < name.length - 1 ? name.slice(i + 1) : name).toLowerCase();
}

export function permissionHint(v: ServerVerdict): PermissionHint | undefined {
  const challenge = v.challenges.find((c) => c.params.error === 'insufficient_scope');
  for (const text of v.texts) {
    const scopes = SCOPE_LIST.exec(text);
    if (scopes) return { kind: 'scope', required: split(scopes[1] ?? scopes[2]!, /[,\s]+/), strength: 'named', source: /IDW10203/.test(text) ? 'IDW10203' : 'error text' };
    const roles = ROLE_LIST.exec(text);
    if (roles) return { kind: 'role', required: split(roles[1] ?? roles[2]!, /[,\s]+/), strength: 'named', source: /IDW10202/.test(text) ? 'IDW10202' : 'error text' };
  }
  if (challenge?.params.scope) return { kind: 'scope', required: split(challenge.params.scope, /\s+/), strength: 'named', source: 'insufficient_scope' };
  if (challenge) return { kind: 'scope', required: [], strength: 'generic', source: 'insufficient_scope' };
  for (const text of v.texts) {
    if (/\bIDW10201\b|Neither scope or roles claim/i.test(text)) return { kind: 'unknown', required: [], strength: 'generic', source: 'IDW10201' };
    if (/Either scp or roles claim/i.test(text)) return { kind: 'unknown', required: [], strength: 'generic', source: 'graph: no scp or roles' };
  }
  for (const text of v.texts) {
    if (/Insufficient privileges|Authorization_RequestDenied/i.test(text)) return { kind: 'unknown', required: [], strength: 'vague', source: 'graph: insufficient privileges' };
  }
  return undefined;
}
