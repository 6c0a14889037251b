/**
 * idx-error: a Microsoft.IdentityModel (IDX) code in an API's response that no
 * more specific rule explained. Grouped per (code, host): an API that refuses
 * 200 requests with the same IDX code is one problem.
 */
import { explain } from '../catalog/index.js';
import type { FindingDraft } from '../model/index.js';
import type { ErrorOccurrence } from '../extract/index.js';
import { iso, uniqueRefs } from './support/evidence.js';
import { isExplained, type Rule, type RuleContext } from './types.js';

function sentence(s: string): string {
  return /[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`;
}

function check(ctx: RuleContext): FindingDraft[] {
  const groups = new Map<string, ErrorOccurrence[]>();
  for (const occ of ctx.session.errors) {
    if (occ.kind !== 'idx' || isExplained(ctx.previous, occ.code, occ.entry)) continue;
    const key = `${occ.code} ${occ.host}`;
    const list = groups.get(key);
    if (list) list.push(occ);
    else groups.set(key, [occ]);
  }
  const out: FindingDraft[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    const cat = explain(first.code) ?? { code: first.code, kind: 'idx' as const, known: false };
    const refused = list.some((o) => o.status === 401 || o.status === 403);
    const entries = uniqueRefs(list.flatMap((o) => [o.entry, ...o.alsoIn]));
    const tokens = [...new Set(list.flatMap((o) => o.tokens))];
    const evidence: Record<string, unknown> = {
      code: first.code,
      inCatalog: cat.known,
      host: first.host,
      occurrences: list.length,
      statuses: [...new Set(list.map((o) => o.status))],
      firstAt: iso(first.time),
      lastAt: iso(list[list.length - 1]!.time),
    };
    if (cat.category) evidence.category = cat.category;
    if (first.message) evidence.message = first.message.slice(0, 400);
    if (Object.keys(first.details).length) evidence.details = first.details;
    const gist = cat.known ? cat.gist : 'not in catalog';
    out.push({
      rule: 'idx-error',
      severity: refused ? 'error' : 'warning',
      title: `${first.code} at ${first.host}: ${gist}`,
      message: `${first.host} answered ${list.length === 1 ? `#${first.entry.index}` : `${list.length} requests (${entries.slice(0, 5).map((r) => `#${r.index}`).join(', ')}${entries.length > 5 ? ', …' : ''})`} with ${first.code}${first.message ? `: ${first.message.slice(0, 200)}` : ''}.`,
      entries,
      tokens,
      time: first.time,
      code: first.code,
      evidence,
      advice: cat.known
        ? sentence(cat.check ?? '')
        : `${first.code} is not in the bundled catalog; read the message above and the Microsoft.IdentityModel log messages for that version.`,
    });
  }
  return out;
}

export const rule: Rule = {
  meta: { id: 'idx-error', description: 'A Microsoft.IdentityModel (IDX) validation error no specific rule explains', defaultSeverity: 'error' },
  check,
};
