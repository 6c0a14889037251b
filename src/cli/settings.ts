/** Command-line option values → AnalysisSettings, with one-line errors for bad values. */
import type { AnalysisSettings, Severity } from '../model/index.js';
import { DEFAULT_SETTINGS } from '../model/index.js';
import { UsageError } from './errors.js';

export type FailOn = Severity | 'none';

export interface AuditFlags {
  json?: string;
  markdown?: string;
  sanitize?: string;
  sanitizePii?: boolean;
  jwks: string[];
  expectAud: string[];
  expectIss: string[];
  expectTenant?: string;
  clockSkew?: string;
  skewThreshold?: string;
  failOn: string;
  password?: string;
  showSecrets?: boolean;
  tui: boolean;
  debug?: boolean;
}

function seconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw.trim())) throw new UsageError(`${name}: expected a number of seconds, got "${raw}"`);
  return Number(raw);
}

/** Repeatable options also accept comma-separated lists: --expect-aud a,b --expect-aud c. */
export function splitList(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export function settingsFrom(flags: AuditFlags): AnalysisSettings {
  const s: AnalysisSettings = {
    ...DEFAULT_SETTINGS,
    clockSkewSeconds: seconds('--clock-skew', flags.clockSkew, DEFAULT_SETTINGS.clockSkewSeconds),
    skewThresholdSeconds: seconds('--skew-threshold', flags.skewThreshold, DEFAULT_SETTINGS.skewThresholdSeconds),
    expectAudiences: splitList(flags.expectAud),
    expectIssuers: splitList(flags.expectIss),
    showSecrets: flags.showSecrets === true,
  };
  if (flags.expectTenant) s.expectTenant = flags.expectTenant.trim();
  return s;
}

export function failOnFrom(raw: string): FailOn {
  const v = raw.trim().toLowerCase();
  if (v === 'error' || v === 'warning' || v === 'info' || v === 'none') return v;
  throw new UsageError(`--fail-on: expected error, warning, info or none, got "${raw}"`);
}

export function shouldFail(counts: Record<Severity, number>, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  if (failOn === 'info') return counts.error + counts.warning + counts.info > 0;
  if (failOn === 'warning') return counts.error + counts.warning > 0;
  return counts.error > 0;
}
