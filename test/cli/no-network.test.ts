import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { harOf } from '../helpers/har-writer.js';
import { secretTrace } from '../helpers/secret-trace.js';
import { FIXTURES, runCli } from './run-cli.js';

const PRELOAD = pathToFileURL(new URL('./preload/no-network.mjs', import.meta.url).pathname).href;

describe('no network during analysis', () => {
  it('the preload really stops a connection attempt (so the test can fail)', () => {
    const tryConnect = pathToFileURL(new URL('./preload/try-connect.mjs', import.meta.url).pathname).href;
    const r = runCli(['--version'], { env: { NODE_OPTIONS: `--import ${PRELOAD} --import ${tryConnect}` } });
    expect(r.code).toBe(99);
    expect(r.stderr).toMatch(/NETWORK ATTEMPT: net\./);
  });

  it('analyzing HAR and SAZ traces with JWKS, tokens and metadata opens no socket', async () => {
    const trace = await secretTrace();
    const file = join(mkdtempSync(join(tmpdir(), 'trace-audit-net-')), 'trace.har');
    writeFileSync(file, harOf(trace.entries));
    const r = runCli(['--json', '-', '--markdown', join(tmpdir(), `ta-net-${process.pid}.md`), file, join(FIXTURES, 'saz/NewCaseName_Coauth.saz')], {
      env: { NODE_OPTIONS: `--import ${PRELOAD}` },
    });
    expect(r.stderr).not.toMatch(/NETWORK ATTEMPT/);
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout).summary.entries).toBeGreaterThan(200);
  });
});
