import type { Entry } from '../../model/index.js';
import { allHeaders } from '../util/headers.js';
import { ALL_MARKS, bodyTexts, type BodyMarks } from '../util/body.js';
import { urlParams } from '../util/url.js';
import { candidatesFromParams, isJwtString, jwtsInText, type TokenCandidate } from './candidates.js';
import { flatStrings } from './request-tokens.js';

/** OAuth redirect parameters carry a code only together with state or session_state. */
function redirectCandidates(url: string): TokenCandidate[] {
  const p = urlParams(url);
  const out: TokenCandidate[] = [];
  for (const [params, where] of [
    [p.query, 'query'],
    [p.fragment, 'fragment'],
  ] as const) {
    const oauth = params.has('state') || params.has('session_state') || params.has('id_token') || params.has('access_token');
    for (const c of candidatesFromParams(params, where)) if (c.field !== 'code' || oauth) out.push(c);
  }
  return out;
}

const HIDDEN_INPUT = /<input\b[^>]*?\bname=["']?(id_token|code|access_token|state)["']?[^>]*?\bvalue=["']([^"']*)["']/gi;

/**
 * Where tokens are handed out: redirects, form_post pages, JSON bodies, Set-Cookie.
 * `bodyMayMatter` false: the body text is known to hold no JWT and no form input;
 * marks tell which of the two its text (when it is one text, not fragments) holds.
 */
export function responseCandidates(entry: Entry, json: Record<string, unknown> | undefined, bodyMayMatter: boolean | Readonly<BodyMarks> = true): TokenCandidate[] {
  const out: TokenCandidate[] = [];
  const res = entry.response;
  const locations = new Set<string>(allHeaders(res.headers, 'location'));
  if (res.redirectURL) locations.add(res.redirectURL);
  for (const loc of locations) out.push(...redirectCandidates(loc));

  for (const sc of allHeaders(res.headers, 'set-cookie')) {
    const first = sc.split(';', 1)[0] ?? '';
    const eq = first.indexOf('=');
    const v = eq < 0 ? '' : first.slice(eq + 1).trim();
    if (isJwtString(v)) out.push({ value: v, where: 'cookie', field: first.slice(0, eq).trim() });
  }

  if (json) {
    out.push(...candidatesFromParams(flatStrings(json), 'response', false));
    return out;
  }
  if (!bodyMayMatter) return out;
  // Marks describe the body's text; fragments (a large body) are searched in full.
  const marks = typeof bodyMayMatter === 'object' && res.body?.text !== undefined ? bodyMayMatter : ALL_MARKS;
  for (const text of bodyTexts(res.body)) {
    if (marks.input && (text.includes('<input') || text.includes('<INPUT'))) {
      HIDDEN_INPUT.lastIndex = 0;
      const form = new Map<string, string>();
      let m: RegExpExecArray | null;
      while ((m = HIDDEN_INPUT.exec(text)) !== null && form.size < 10) form.set(m[1]!.toLowerCase(), m[2]!);
      HIDDEN_INPUT.lastIndex = 0;
      if (form.has('state') || form.has('id_token')) {
        out.push(...candidatesFromParams(form, 'form_post').filter((c) => c.field !== 'state'));
        continue;
      }
    }
    if (!marks.jwt) continue;
    for (const v of jwtsInText(text, 50)) out.push({ value: v, where: 'response', field: 'body' });
  }
  return out;
}
