import type { EntryRef } from './entry.js';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What a rule returns. The engine numbers findings (F1, F2...) and orders them. */
export interface FindingDraft {
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  entries: EntryRef[];
  /** Token ids (fingerprints), never token strings. */
  tokens: string[];
  /** Epoch ms of the first entry involved; the report turns it into ISO. */
  time?: number;
  /** AADSTS or IDX code, with prefix: "AADSTS50011", "IDX10501". */
  code?: string;
  /** Facts a reader can check by hand. Values must be JSON and must not hold secrets. */
  evidence: Record<string, unknown>;
  advice: string;
}

export interface Finding extends Omit<FindingDraft, 'time'> {
  id: string;
  /** ISO 8601 UTC. */
  time?: string;
}
