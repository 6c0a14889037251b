/**
 * Reading a report written by another version. Versioning policy: a minor bump
 * (1.0 → 1.1) only adds optional fields, so any 1.x report is readable here and
 * unknown fields are kept; a major bump is a breaking change and is refused.
 * When a minor adds a field a reader relies on, its default goes in `fillDefaults`.
 */
import { InputError } from '../ingest/errors.js';
import type { Report } from '../model/report.js';

export const SUPPORTED_MAJOR = 1;

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOr<T>(value: unknown, fallback: T[]): T[] {
  return Array.isArray(value) ? (value as T[]) : fallback;
}

function fillDefaults(data: Plain): Plain {
  const settings = isPlain(data.settings) ? data.settings : {};
  const fixItems = (value: unknown, fix: (item: Plain) => Plain) =>
    arrayOr<unknown>(value, []).map((item) => (isPlain(item) ? fix(item) : item));
  return {
    ...data,
    settings: {
      clockSkewSeconds: 300,
      skewThresholdSeconds: 60,
      expectAudiences: [],
      expectIssuers: [],
      redaction: 'default',
      ...settings,
    },
    tokens: fixItems(data.tokens, (t) => ({ ...t, uses: arrayOr(t.uses, []) })),
    findings: fixItems(data.findings, (f) => ({
      ...f,
      entries: arrayOr(f.entries, []),
      tokens: arrayOr(f.tokens, []),
      evidence: isPlain(f.evidence) ? f.evidence : {},
    })),
    warnings: fixItems(data.warnings, (w) => ({ ...w, entries: arrayOr(w.entries, []) })),
  };
}

/**
 * Accept a parsed report of any 1.x version and return it in the shape this
 * version's code expects. Throws an InputError (one line) for anything else.
 * It does not validate every field: use the JSON Schema for that.
 */
export function upgradeReport(data: unknown): Report {
  if (!isPlain(data) || typeof data.schemaVersion !== 'string') {
    throw new InputError('report-invalid', 'not a trace-audit report (no schemaVersion)');
  }
  const match = /^(\d+)\.(\d+)$/.exec(data.schemaVersion);
  if (!match || Number(match[1]) !== SUPPORTED_MAJOR) {
    const shown = data.schemaVersion.slice(0, 20);
    throw new InputError('report-version', `report schema version "${shown}" is not supported (this version reads ${SUPPORTED_MAJOR}.x)`);
  }
  return fillDefaults(data) as unknown as Report;
}
