import type { EntryRef, RunWarning } from './entry.js';
import type { Finding, Severity } from './finding.js';
import type { SignatureStatus, TokenFormat, TokenKind, TokenPlace } from './token.js';

/** Bump the minor for additive changes, the major for breaking ones (see src/report/upgrade.ts). */
export const SCHEMA_VERSION = '1.0';

export interface ReportInput {
  path: string;
  format: 'har' | 'saz';
  producer?: string;
  entries: number;
  sizeBytes: number;
  sha256: string;
}

export interface ReportTokenUse extends EntryRef {
  where: TokenPlace;
  field?: string;
  status: number;
  host: string;
  /** ISO time the request was sent. */
  time: string;
}

export interface ReportToken {
  id: string;
  kind: TokenKind;
  format: TokenFormat;
  alg?: string;
  kid?: string;
  typ?: string;
  iss?: string;
  aud?: string | string[];
  tid?: string;
  appid?: string;
  azp?: string;
  idtyp?: string;
  ver?: string;
  scp?: string;
  roles?: string[];
  iat?: number;
  nbf?: number;
  exp?: number;
  /** v1 | v2 | b2c | ciam | adfs | other */
  issuerKind?: string;
  /** public | usgov | china | germany | unknown */
  cloud?: string;
  issuedAt?: EntryRef & { where: TokenPlace; field?: string; grantType?: string; clientId?: string; time: string };
  uses: ReportTokenUse[];
  signature: SignatureStatus;
  /** Why the signature got that status (which JWKS entry, which reason). */
  signatureDetail?: string;
  /** Decoded JOSE header and claims (never the compact token or its signature). */
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  /** Problems met while decoding (malformed parts, bad JSON...). */
  problems?: string[];
  /** Only with --show-secrets. */
  value?: string;
}

export interface Report {
  schemaVersion: string;
  tool: { name: 'trace-audit'; version: string };
  generatedAt: string;
  settings: {
    clockSkewSeconds: number;
    skewThresholdSeconds: number;
    expectAudiences: string[];
    expectIssuers: string[];
    expectTenant?: string;
    redaction: 'default' | 'show-secrets';
  };
  inputs: ReportInput[];
  summary: {
    entries: number;
    tokens: number;
    findings: Record<Severity, number>;
    /** [first start, last end] ISO, or null for an empty trace. */
    timeRange: [string, string] | null;
    /** Busiest hosts first (at most 20). */
    hosts?: { host: string; entries: number }[];
    /** Entry counts by response status ("0" = no response). */
    statuses?: Record<string, number>;
  };
  tokens: ReportToken[];
  findings: Finding[];
  warnings: RunWarning[];
}
