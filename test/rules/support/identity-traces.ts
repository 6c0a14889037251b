/**
 * Small helpers for the time and identity rule tables: run a trace through
 * the real extractor and engine, and the challenge texts real APIs send.
 */
import type { Entry, FindingDraft } from '../../../src/model/index.js';
import { runRules } from '../../../src/engine/run-rules.js';
import type { Rule } from '../../../src/rules/types.js';
import { sessionOf, settings } from '../../helpers/trace-builder.js';
import type { AnalysisSettings } from '../../../src/model/index.js';

export const API = 'https://api.contoso.com';
export const OTHER_API = 'https://reports.fabrikam.com';

export async function findingsOf(rules: readonly Rule[], entries: Entry[], over: Partial<AnalysisSettings> = {}): Promise<FindingDraft[]> {
  const s = settings(over);
  const session = await sessionOf(entries, s);
  const run = runRules(rules, session, s);
  if (run.warnings.length) throw new Error(run.warnings.map((w) => w.message).join('; '));
  return run.findings;
}

export function only(findings: FindingDraft[], rule: string): FindingDraft[] {
  return findings.filter((f) => f.rule === rule);
}

/** .NET invariant culture, as Microsoft.IdentityModel prints times: MM/dd/yyyy HH:mm:ss (UTC). */
export function dotnet(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export function bearerError(description: string, extra = ''): Record<string, string> {
  return { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"${extra}` };
}

export const idx10223 = (expS: number, nowMs: number) =>
  bearerError(`IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '${dotnet(expS * 1000)}', Current time (UTC): '${dotnet(nowMs)}'.`);

export const idx10222 = (nbfS: number, nowMs: number) =>
  bearerError(`IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom (UTC): '${dotnet(nbfS * 1000)}', Current time (UTC): '${dotnet(nowMs)}'.`);

export const idx10214 = (aud: string, valid: string) =>
  bearerError(`IDX10214: Audience validation failed. Audiences: '${aud}'. Did not match: validationParameters.ValidAudience: '${valid}' or validationParameters.ValidAudiences: 'null'.`);

export const idx10205 = (iss: string, valid: string) =>
  bearerError(
    `IDX10205: Issuer validation failed. Issuer: '${iss}'. Did not match: validationParameters.ValidIssuer: 'null' or validationParameters.ValidIssuers: 'null' or validationParameters.ConfigurationManager.CurrentConfiguration.Issuer: '${valid}'. For more details, see https://aka.ms/IdentityModel/issuer-validation. `,
  );

/** Entry numbers of a finding, for compact assertions. */
export function indexes(f: FindingDraft): number[] {
  return f.entries.map((e) => e.index);
}
