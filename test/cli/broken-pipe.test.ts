/**
 * `trace-audit … | head` closes the pipe before the output is written: the CLI must
 * stop quietly (no stack trace, no "Unhandled 'error' event"), as Unix tools do.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, runCli } from './run-cli.js';

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    // Closed before the program has started: its first write meets a pipe with no reader.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('output into a closed pipe', () => {
  it.each([
    ['--help', ['--help']],
    ['a text summary', ['--no-tui', join(FIXTURES, 'har/chrome.har')]],
    ['a JSON report on stdout', ['--no-tui', '--json', '-', join(FIXTURES, 'har/error_log.har')]],
  ])('%s: no stack trace, the exit code it would have had', async (_name, args) => {
    const expected = runCli(args).code;
    const r = await runWithClosedStdout(args);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(expected);
  });
});
