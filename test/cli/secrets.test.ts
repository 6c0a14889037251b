import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { harOf } from '../helpers/har-writer.js';
import { secretTrace, type SecretTrace } from '../helpers/secret-trace.js';
import { runCli } from './run-cli.js';

let trace: SecretTrace;
let file: string;

beforeAll(async () => {
  trace = await secretTrace();
  file = join(mkdtempSync(join(tmpdir(), 'trace-audit-secrets-')), 'secrets.har');
  writeFileSync(file, harOf(trace.entries));
});

function expectNoSecret(output: string, where: string): void {
  for (const s of [...trace.secrets, ...trace.signatures]) {
    expect(output.includes(s), `${where} leaks a secret starting ${s.slice(0, 10)}`).toBe(false);
  }
}

describe('no secret in any output by default', () => {
  it.each([
    ['text summary', ['--no-tui']],
    ['JSON report', ['--json', '-']],
    ['Markdown summary', ['--markdown', '-']],
    ['text with every finding level', ['--no-tui', '--fail-on', 'info']],
  ])('%s', (where, args) => {
    const r = runCli([...(args as string[]), file]);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout.length).toBeGreaterThan(100);
    expectNoSecret(r.stdout + r.stderr, where as string);
  });

  it('decode of a token prints claims but not the token or its signature', () => {
    const token = trace.secrets[0]!;
    const r = runCli(['decode', token]);
    expect(r.code).toBe(0);
    expectNoSecret(r.stdout + r.stderr, 'decode');
  });

  it('error lines do not echo secrets from broken input', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'trace-audit-secrets-')), 'broken.har');
    writeFileSync(broken, `{"log":{"entries":[{"request":{"url":"https://x/?access_token=${trace.secrets[0]}" ,,, }]}}`);
    const r = runCli(['--no-tui', broken]);
    expect(r.code).toBe(2);
    expectNoSecret(r.stdout + r.stderr, 'error line');
  });

  it('--show-secrets opts out explicitly: the JSON carries the token values', () => {
    const r = runCli(['--json', '-', '--show-secrets', file]);
    const report = JSON.parse(r.stdout) as { tokens: { value?: string }[] };
    expect(report.tokens.some((t) => t.value === trace.secrets[0])).toBe(true);
  });
});
