import type { AnalysisSettings, Entry, EntryRef, FindingDraft, Severity } from '../model/index.js';
import type { Session, SessionToken } from '../extract/index.js';

/** The rule ids: part of the report contract (DESIGN.md). */
export const RULE_IDS = [
  'aad-error',
  'idx-error',
  'signature-invalid',
  'signing-key-not-found',
  'signing-key-rotated',
  'unverifiable-token',
  'insecure-alg',
  'token-expired',
  'token-not-yet-valid',
  'clock-skew',
  'audience-mismatch',
  'issuer-mismatch',
  'cloud-mismatch',
  'missing-scope-or-role',
  'claims-challenge',
  'token-in-url',
  'sanitized-trace',
  'token-request-loop',
  'malformed-token',
  'oidc-protocol',
  'metadata-fetch-failed',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface RuleMeta {
  id: RuleId;
  /** One line: what the rule detects. */
  description: string;
  /** The severity most findings of the rule get; a finding may differ (see the rule's doc). */
  defaultSeverity: Severity;
}

/** What a rule can see. Everything is read-only; time comes from the session, never from the wall clock. */
export interface RuleContext {
  session: Session;
  settings: AnalysisSettings;
  token(id: string): SessionToken | undefined;
  entry(ref: EntryRef): Entry | undefined;
  /**
   * Findings of the rules that ran before this one (registry order), so a
   * general rule can stay quiet where a specific one already explained an
   * error (idx-error after the specific IDX rules, signing-key-not-found
   * after signing-key-rotated).
   */
  previous: readonly FindingDraft[];
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): FindingDraft[];
}

/**
 * True when a finding of an earlier rule already names this error code at this
 * entry: a specific rule (signing-key-rotated, token-expired...) explains it,
 * so the general idx-error stays quiet.
 */
export function isExplained(previous: readonly FindingDraft[], code: string, ref: EntryRef): boolean {
  return previous.some(
    (f) => f.code === code && f.entries.some((e) => e.input === ref.input && e.index === ref.index),
  );
}
