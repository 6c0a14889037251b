import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// har-validator ships no types; its promise API validates a whole HAR.
// @ts-expect-error no type declarations
import harValidator from 'har-validator/lib/promise.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { writeSanitizedHar } from '../../src/report/index.js';
import { harOf } from '../helpers/har-writer.js';
import { secretTrace, type SecretTrace } from '../helpers/secret-trace.js';

let dir: string;
let original: string;
let trace: SecretTrace;

const FIXED = { generatedAt: Date.parse('2024-05-02T00:00:00Z') };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trace-audit-sanitize-'));
  trace = await secretTrace();
  original = join(dir, 'original.har');
  writeFileSync(original, harOf(trace.entries));
});

/** Findings that do not depend on signatures, as comparable strings. */
function nonSignatureFindings(report: Awaited<ReturnType<typeof analyze>>['report']): string[] {
  const signatureRules = new Set(['signature-invalid', 'signing-key-not-found', 'signing-key-rotated', 'unverifiable-token']);
  return report.findings
    .filter((f) => !signatureRules.has(f.rule))
    .map((f) => `${f.rule} ${f.severity} ${f.code ?? ''} ${f.entries.map((e) => e.index).join(',')} ${f.tokens.join(',')}`)
    .sort();
}

describe('--sanitize', () => {
  it('removes every secret, keeps claims readable, and validates as HAR 1.2', async () => {
    const out = join(dir, 'clean.har');
    const r = await writeSanitizedHar([original], out, { pii: false, toolVersion: 'test' });
    expect(r.entries).toBe(trace.entries.length);
    const text = readFileSync(out, 'utf8');
    for (const s of [...trace.secrets, ...trace.signatures]) expect(text, `leaked ${s.slice(0, 12)}…`).not.toContain(s);
    expect(text).toContain('REDACTED-');
    // The access token's claims are still there (header.payload kept).
    const access = trace.secrets[0]!;
    expect(text).toContain(access.split('.').slice(0, 2).join('.'));
    await expect(harValidator.har(JSON.parse(text))).resolves.toBeTruthy();
  });

  it('reads back with the same entries, token ids and non-signature findings', async () => {
    const out = join(dir, 'clean2.har');
    await writeSanitizedHar([original], out, { pii: false, toolVersion: 'test' });
    const before = await analyze([original], FIXED);
    const after = await analyze([out], FIXED);
    expect(after.report.summary.entries).toBe(before.report.summary.entries);
    expect(after.report.tokens.map((t) => t.id).sort()).toEqual(before.report.tokens.map((t) => t.id).sort());
    expect(nonSignatureFindings(after.report)).toEqual(nonSignatureFindings(before.report));
    const sanitizedJwts = after.report.tokens.filter((t) => t.format === 'jws');
    expect(sanitizedJwts.length).toBeGreaterThan(0);
    for (const t of sanitizedJwts) expect(t.signature).toBe('not-checked');
  });

  it('--sanitize-pii masks e-mail addresses, names in claims and IPs', async () => {
    const out = join(dir, 'pii.har');
    await writeSanitizedHar([original], out, { pii: true, toolVersion: 'test' });
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('alice@contoso.example');
    expect(text).not.toContain('alice%40contoso.example');
    const after = await analyze([out], FIXED);
    const upns = after.report.tokens.map((t) => t.claims?.upn).filter(Boolean);
    expect(upns.length).toBeGreaterThan(0);
    for (const u of upns) expect(String(u)).toMatch(/@example\.invalid$/);
  });

  it('refuses to overwrite an input and leaves nothing behind on failure', async () => {
    await expect(writeSanitizedHar([original], original, { pii: false, toolVersion: 'test' })).rejects.toThrow(/input/);
    await expect(writeSanitizedHar([original], join(dir, 'no-such-dir', 'x.har'), { pii: false, toolVersion: 'test' })).rejects.toThrow();
    expect(readFileSync(original, 'utf8').startsWith('{')).toBe(true);
  });
});
