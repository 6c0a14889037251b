import type { Severity } from '../model/index.js';

export const AADSTS_CATEGORIES = [
  'redirect-uri',
  'client-credentials',
  'client-assertion',
  'consent',
  'user-interaction',
  'conditional-access',
  'token-lifetime',
  'tenant-or-issuer',
  'audience-or-resource',
  'scope-or-permission',
  'protocol',
  'account',
  'device',
  'throttling',
  'service',
  'claims-challenge',
  'federation',
  'other',
] as const;

export const IDX_CATEGORIES = [
  'lifetime',
  'audience',
  'issuer',
  'signature-key',
  'signature',
  'algorithm',
  'decryption',
  'malformed-token',
  'metadata',
  'replay',
  'actor',
  'configuration',
  'other',
] as const;

export type AadstsCategory = (typeof AADSTS_CATEGORIES)[number];
export type IdxCategory = (typeof IDX_CATEGORIES)[number];
export type CodeKind = 'aadsts' | 'idx';

/** One row of aadsts.tsv, with the code in its prefixed form ("AADSTS50011"). */
export interface AadstsEntry {
  code: string;
  number: number;
  /** Microsoft's identifier name, when one is published. */
  name?: string;
  category: AadstsCategory;
  severity: Severity;
  gist: string;
  check: string;
}

/** One row of idx.tsv. IDX codes have no published names and no severity of their own. */
export interface IdxEntry {
  code: string;
  number: number;
  category: IdxCategory;
  gist: string;
  check: string;
}

/** What `explain(code)` knows about a code; `known: false` means "not in catalog". */
export interface ExplainResult {
  code: string;
  kind: CodeKind;
  known: boolean;
  name?: string;
  category?: string;
  severity?: Severity;
  gist?: string;
  check?: string;
}
