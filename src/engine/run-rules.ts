import type { AnalysisSettings, EntryRef, FindingDraft, RunWarning } from '../model/index.js';
import { entriesByRef, type Session, type SessionToken } from '../extract/index.js';
import type { Rule, RuleContext } from '../rules/types.js';

export interface RuleRun {
  findings: FindingDraft[];
  warnings: RunWarning[];
}

/**
 * Runs the rules in registry order. A rule that throws becomes a run warning
 * (`rule-failed`) and the others still run: one bad rule must not hide the
 * findings of the rest.
 */
export function runRules(rules: readonly Rule[], session: Session, settings: AnalysisSettings): RuleRun {
  const tokens = new Map<string, SessionToken>(session.tokens.map((t) => [t.id, t]));
  const entries = entriesByRef(session);
  const findings: FindingDraft[] = [];
  const warnings: RunWarning[] = [];
  for (const rule of rules) {
    const ctx: RuleContext = {
      session,
      settings,
      token: (id) => tokens.get(id),
      entry: (ref: EntryRef) => entries.get(ref),
      previous: findings,
    };
    try {
      const out = rule.check(ctx);
      for (const f of out) findings.push({ ...f, rule: rule.meta.id });
    } catch (e) {
      const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
      warnings.push({ code: 'rule-failed', message: `rule ${rule.meta.id} failed: ${reason}`, entries: [] });
    }
  }
  return { findings, warnings };
}
