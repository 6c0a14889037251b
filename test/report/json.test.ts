import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { formatJson } from '../../src/report/json.js';
import { JWT_PATTERN } from '../../src/report/redact.js';
import { fakeJwt, sampleReport } from './sample-report.js';

/**
 * The same report with the keys of every contract object in reverse order, as
 * a careless builder might produce. Rule-owned objects (evidence, decoded
 * claims) keep the order their author chose.
 */
function shuffled(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffled);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, ['evidence', 'claims', 'header'].includes(k) ? v : shuffled(v)]),
  );
}

describe('formatJson', () => {
  it('writes keys in the contract order whatever order the object had', () => {
    const json = formatJson(shuffled(sampleReport()) as Report);
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion', 'tool', 'generatedAt', 'settings', 'inputs', 'summary', 'tokens', 'findings', 'warnings',
    ]);
    expect(Object.keys(parsed.findings[0])).toEqual([
      'id', 'rule', 'severity', 'title', 'message', 'entries', 'tokens', 'time', 'code', 'evidence', 'advice',
    ]);
    expect(Object.keys(parsed.tokens[0]).slice(0, 4)).toEqual(['id', 'kind', 'format', 'alg']);
    expect(Object.keys(parsed.tokens[0]).slice(-3)).toEqual(['uses', 'signature', 'signatureDetail']);
    expect(Object.keys(parsed.tokens[0].uses[0])).toEqual(['input', 'index', 'where', 'field', 'status', 'host', 'time']);
    expect(Object.keys(parsed.summary)).toEqual(['entries', 'tokens', 'findings', 'timeRange', 'hosts', 'statuses']);
    expect(Object.keys(parsed.summary.findings)).toEqual(['error', 'warning', 'info']);
    expect(Object.keys(parsed.findings[0].entries[0])).toEqual(['input', 'index']);
  });

  it('keeps unknown fields, after the known ones', () => {
    const report = { extra: 1, ...sampleReport() } as Report & { extra: number };
    const parsed = JSON.parse(formatJson(report));
    expect(Object.keys(parsed).at(-1)).toBe('extra');
    expect(parsed.extra).toBe(1);
  });

  it('is 2-space indented with a trailing newline and loses nothing', () => {
    const report = sampleReport();
    const json = formatJson(report);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "schemaVersion": "1.0",');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('is stable: the same report gives the same bytes', () => {
    expect(formatJson(shuffled(sampleReport()) as Report)).toBe(formatJson(sampleReport()));
  });

  it('replaces a token that slipped into free text, and drops token values, by default', () => {
    const jwt = fakeJwt();
    const report = sampleReport();
    report.findings[1]!.message = `server said: invalid token ${jwt}`;
    report.findings[1]!.evidence.echoed = { header: `Bearer ${jwt}` };
    report.warnings[0]!.message = `bad entry near ${jwt}`;
    report.tokens[0]!.value = jwt;
    const json = formatJson(report);
    expect(json).not.toContain(jwt);
    expect(json).not.toContain('c2lnbmF0dXJl');
    expect(json.match(JWT_PATTERN)).toBeNull();
    expect(json).toMatch(/server said: invalid token \[jwt [0-9a-f]{12}\]/);
    expect(JSON.parse(json).tokens[0].value).toBeUndefined();
  });

  it('keeps token values with show-secrets', () => {
    const jwt = fakeJwt();
    const report = sampleReport();
    report.settings.redaction = 'show-secrets';
    report.tokens[0]!.value = jwt;
    expect(JSON.parse(formatJson(report)).tokens[0].value).toBe(jwt);
  });
});
