/**
 * The interactive timeline in a real terminal: the built CLI runs inside tmux
 * (a real pty), keys are sent as a user types them, and the screen is read
 * back with capture-pane. Skipped only where tmux is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/run-cli.js';

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `trace-audit-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'ta');
const keys = (...k: string[]) => tmux('send-keys', '-t', 'ta', ...k);

/** Poll the screen until it matches (bounded: 10 s). */
async function waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = screen();
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`screen never matched ${pattern}:\n${last}`);
}

let dir: string;
let trace: string;

beforeAll(() => {
  if (!HAS_TMUX) return;
  dir = mkdtempSync(join(tmpdir(), 'trace-audit-tui-'));
  trace = join(dir, 'key-rollover.har');
  copyFileSync(join(ROOT, 'samples/key-rollover.har'), trace);
  const cmd = `cd ${JSON.stringify(dir)} && TERM=xterm-256color ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} key-rollover.har; echo "EXITED $?"; sleep 60`;
  tmux('new-session', '-d', '-s', 'ta', '-x', '80', '-y', '24', cmd);
});

afterAll(() => {
  if (HAS_TMUX) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

describe.skipIf(!HAS_TMUX)('interactive timeline in a real terminal (tmux, 80×24)', () => {
  it('key rollover: findings → refused request → Tokens tab → filter → export → quit', async () => {
    const first = await waitFor(/\[timeline 1\/24\]/);
    expect(first).toMatch(/key-rollover\.har · 24 entries/);
    for (const line of first.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    keys('F');
    await waitFor(/signing-key-rotated/);

    keys('Enter');
    const detail = await waitFor(/\[1 Request\]/);
    expect(detail).toMatch(/GET https:\/\/api\.contoso\.example\/orders/);
    expect(detail).toMatch(/#22 GET api\.contoso\.example\/orders 401/);
    expect(detail).toMatch(/Authorization: Bearer \[jwt [0-9a-f]{12}\]/);

    keys('3');
    const tokens = await waitFor(/\[3 Tokens/);
    expect(tokens).toMatch(/Token [0-9a-f]{12} · access · JWS · RS256 · kid /);
    expect(tokens).toMatch(/sent here: .*-> 401/);
    expect(tokens).toMatch(/signature: valid/);

    keys('q');
    await waitFor(/\[findings 1\/1\]/);
    keys('q');
    await waitFor(/\[timeline/);

    keys('f');
    await waitFor(/^filter: /m); // the prompt line itself, not the status bar's "filter: …"
    keys('~aadsts');
    keys('Enter');
    await waitFor(/filter: ~aadsts/);
    await waitFor(/No entry matches the filter ~aadsts/);

    keys('f');
    await waitFor(/^filter: /m); // the prompt line itself, not the status bar's "filter: …"
    keys('C-u');
    keys('~c 401');
    keys('Enter');
    const filtered = await waitFor(/\[timeline \d+\/2 of 24\]/);
    expect(filtered).toMatch(/ 22 /);
    expect(filtered).toMatch(/ 23 /);

    keys('e');
    await waitFor(/export \[JSON\]/);
    keys('Enter');
    await waitFor(/wrote JSON report to/);
    const exported = join(dir, 'key-rollover.trace-audit.json');
    expect(existsSync(exported)).toBe(true);
    expect(JSON.parse(readFileSync(exported, 'utf8')).findings[0].rule).toBe('signing-key-rotated');

    keys('q');
    // One error finding and the default --fail-on error: exit code 1, terminal restored.
    await waitFor(/EXITED 1/);
  }, 60_000);
});
