/** Run the registry (or some rules) over built entries with the real extractor and engine. */
import type { AnalysisSettings, Entry, FindingDraft } from '../../src/model/index.js';
import { runRules } from '../../src/engine/index.js';
import { RULES, type RuleId } from '../../src/rules/index.js';
import { sessionOf, settings as defaults } from '../helpers/trace-builder.js';

export async function findingsOf(entries: Entry[], only?: RuleId[], s: AnalysisSettings = defaults()): Promise<FindingDraft[]> {
  const session = await sessionOf(entries, s);
  const rules = only ? RULES.filter((r) => only.includes(r.meta.id)) : RULES;
  const run = runRules(rules, session, s);
  if (run.warnings.length) throw new Error(run.warnings.map((w) => w.message).join('; '));
  return run.findings;
}
