/**
 * The report the timeline shows while a trace is still loading: the entries read so
 * far and nothing analysis decides (no tokens, no findings yet). The title line and
 * the views read it like the real one, which replaces it when analysis ends.
 */
import type { Report } from '../../model/index.js';

export function provisionalReport(entries: number, inputNames: readonly string[]): Report {
  return {
    schemaVersion: '',
    tool: { name: 'trace-audit', version: '' },
    generatedAt: '',
    settings: { clockSkewSeconds: 0, skewThresholdSeconds: 0, expectAudiences: [], expectIssuers: [], redaction: 'default' },
    inputs: inputNames.map((path) => ({ path, format: 'har', entries: 0, sizeBytes: 0, sha256: '' })),
    summary: { entries, tokens: 0, findings: { error: 0, warning: 0, info: 0 }, timeRange: null },
    tokens: [],
    findings: [],
    warnings: [],
  };
}
