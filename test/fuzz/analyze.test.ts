/**
 * The whole analysis (extract, rules, report, formatters) on generated sign-in
 * traffic with hostile values: never a throw, a report that matches its JSON
 * Schema, and no planted secret in the JSON, text or Markdown output.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { formatJson, formatMarkdown, formatText, loadReportSchema } from '../../src/report/index.js';
import { authTraffic } from './auth-traffic.js';
import { tempFile } from './har-doc.js';
import { runs, timedAsync } from './settings.js';

const write = tempFile('traffic.har');
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/);
const validate = ajv.compile(loadReportSchema());

describe('analysis of hostile sign-in traffic', () => {
  it('never throws, matches the report schema and leaks no planted secret', async () => {
    await fc.assert(
      fc.asyncProperty(authTraffic, async ({ har, secrets }) => {
        const path = write(har);
        const { report } = await timedAsync('analyze', () => analyze([path], { generatedAt: Date.UTC(2024, 4, 1) }));
        const outputs = { json: formatJson(report), text: formatText(report, { color: false, width: 100 }), markdown: formatMarkdown(report) };
        expect(validate(JSON.parse(outputs.json)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        for (const [name, out] of Object.entries(outputs)) {
          for (const s of secrets) expect(out.includes(s), `${name} output holds a planted secret (${s.slice(0, 6)}…)`).toBe(false);
        }
      }),
      { numRuns: runs(60) },
    );
  });

  it('stays linear on an error description made of one long whitespace run', async () => {
    const description = `AADSTS50011: ${'\r\n'.repeat(40_000)}x${' \\r\\n'.repeat(20_000)}`;
    const entry = { startedDateTime: '2024-05-01T10:00:00Z', time: 1, request: { method: 'POST', url: 'https://login.microsoftonline.com/t/oauth2/v2.0/token', headers: [] }, response: { status: 400, headers: [], content: { size: -1, mimeType: 'application/json', text: JSON.stringify({ error: 'invalid_grant', error_description: description }) } } };
    const path = write(JSON.stringify({ log: { version: '1.2', entries: [entry] } }));
    const { report } = await timedAsync('analyze', () => analyze([path]), 3000);
    expect(report.findings.some((f) => f.code === 'AADSTS50011')).toBe(true);
  });
});
