import { describe, expect, it } from 'vitest';
import { isInputError } from '../../src/ingest/errors.js';
import { upgradeReport } from '../../src/report/upgrade.js';
import { sampleReport } from './sample-report.js';

describe('upgradeReport', () => {
  it('returns a current report unchanged', () => {
    const report = sampleReport();
    expect(upgradeReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it('reads a later 1.x report, keeping fields it does not know', () => {
    const later = { ...JSON.parse(JSON.stringify(sampleReport())), schemaVersion: '1.4', newField: [1] };
    const read = upgradeReport(later) as unknown as Record<string, unknown>;
    expect(read.newField).toEqual([1]);
    expect(read.schemaVersion).toBe('1.4');
  });

  it('fills what a minimal 1.0 report leaves out', () => {
    const minimal = {
      schemaVersion: '1.0',
      tool: { name: 'trace-audit', version: '0.0.1' },
      settings: { clockSkewSeconds: 120, expectAudiences: [], redaction: 'default' },
      findings: [{ id: 'F1', rule: 'aad-error', severity: 'error', title: 't', message: 'm', advice: 'a' }],
      tokens: [{ id: '3f9c0a1b2c4d', kind: 'access', format: 'jws', signature: 'not-checked' }],
    };
    const read = upgradeReport(minimal);
    expect(read.settings).toMatchObject({ clockSkewSeconds: 120, skewThresholdSeconds: 60, expectIssuers: [] });
    expect(read.findings[0]).toMatchObject({ entries: [], tokens: [], evidence: {} });
    expect(read.tokens[0]!.uses).toEqual([]);
    expect(read.warnings).toEqual([]);
  });

  it.each([
    ['a major version it does not know', { schemaVersion: '2.0' }, /schema version "2\.0" is not supported/],
    ['a malformed version', { schemaVersion: 'v1' }, /schema version "v1" is not supported/],
    ['something that is not a report', [1, 2], /not a trace-audit report/],
    ['null', null, /not a trace-audit report/],
  ])('refuses %s with a one-line input error', (_name, data, message) => {
    let caught: unknown;
    try {
      upgradeReport(data);
    } catch (err) {
      caught = err;
    }
    expect(isInputError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toContain('\n');
  });
});
