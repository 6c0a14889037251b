import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/model/report.js';
import { formatJson } from '../../src/report/json.js';
import { loadReportSchema } from '../../src/report/schema.js';
import { sampleReport, twoInputReport } from './sample-report.js';

// ajv-formats is not a dependency; the schema's `pattern` does the real check, this keeps strict mode happy.
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

function compile() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('date-time', ISO_UTC);
  return ajv.compile(loadReportSchema());
}

const validate = compile();

function errorsOf(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const DESIGN_RULE_IDS = [
  'aad-error', 'idx-error', 'signature-invalid', 'signing-key-not-found', 'signing-key-rotated', 'unverifiable-token',
  'insecure-alg', 'token-expired', 'token-not-yet-valid', 'clock-skew', 'audience-mismatch', 'issuer-mismatch',
  'cloud-mismatch', 'missing-scope-or-role', 'claims-challenge', 'token-in-url', 'sanitized-trace',
  'token-request-loop', 'malformed-token', 'oidc-protocol', 'metadata-fetch-failed',
];

describe('report JSON schema', () => {
  it('accepts realistic reports, also after a JSON round trip', () => {
    expect(errorsOf(sampleReport())).toEqual([]);
    expect(errorsOf(twoInputReport())).toEqual([]);
    expect(errorsOf(JSON.parse(formatJson(sampleReport())))).toEqual([]);
  });

  it('accepts an empty trace (null time range, nothing found)', () => {
    const report = sampleReport();
    Object.assign(report, { tokens: [], findings: [], warnings: [] });
    report.summary = { entries: 0, tokens: 0, findings: { error: 0, warning: 0, info: 0 }, timeRange: null };
    expect(errorsOf(report)).toEqual([]);
  });

  it('accepts unknown fields added by a later minor version', () => {
    const report = sampleReport() as unknown as Record<string, unknown>;
    report.schemaVersion = '1.7';
    report.newTopLevel = { anything: true };
    (report.findings as Record<string, unknown>[])[0]!.confidence = 'high';
    expect(errorsOf(report)).toEqual([]);
  });

  it('agrees with the model on the current version', () => {
    expect(SCHEMA_VERSION).toMatch(/^1\.\d+$/);
    expect(errorsOf({ ...sampleReport(), schemaVersion: SCHEMA_VERSION })).toEqual([]);
  });

  it('lists exactly the rule ids of the design', () => {
    const defs = loadReportSchema().$defs as Record<string, { enum?: string[] }>;
    expect([...(defs.ruleId?.enum ?? [])].sort()).toEqual([...DESIGN_RULE_IDS].sort());
  });

  const broken: [string, (r: Record<string, any>) => void, string][] = [
    ['unknown rule id', (r) => (r.findings[0].rule = 'key-rollover'), '/findings/0/rule'],
    ['bad severity', (r) => (r.findings[1].severity = 'fatal'), '/findings/1/severity'],
    ['bad signature status', (r) => (r.tokens[0].signature = 'ok'), '/tokens/0/signature'],
    ['non-UTC time', (r) => (r.generatedAt = '2024-05-01 12:00:00'), '/generatedAt'],
    ['major version 2', (r) => (r.schemaVersion = '2.0'), '/schemaVersion'],
    ['missing findings', (r) => delete r.findings, ''],
    ['code without prefix', (r) => (r.findings[1].code = '50011'), '/findings/1/code'],
    ['token string instead of id', (r) => (r.findings[0].tokens = ['eyJhbGciOiJSUzI1NiJ9.e30.c2ln']), '/findings/0/tokens/0'],
    ['0-based entry index', (r) => (r.findings[0].entries[0].index = 0), '/findings/0/entries/0/index'],
    ['skew as text', (r) => (r.findings[0].evidence.skewSeconds = '120'), '/findings/0/evidence/skewSeconds'],
    ['unknown severity count', (r) => (r.summary.findings.fatal = 1), '/summary/findings'],
  ];
  it.each(broken)('rejects a report with %s', (_name, breakIt, path) => {
    const report = sampleReport() as unknown as Record<string, any>;
    breakIt(report);
    const errors = errorsOf(report);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.startsWith(`${path} `))).toBe(true);
  });
});

describe('docs/report-format.md', () => {
  it('shows an example that the schema accepts', () => {
    const doc = readFileSync(new URL('../../docs/report-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(errorsOf(JSON.parse(example!))).toEqual([]);
  });
});
