// Every process the recorder starts is registered here and stopped by its PID,
// also when the recorder fails or is interrupted.
import { spawn } from 'node:child_process';

const running = new Map();

export function startProcess(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  running.set(child.pid, child);
  child.once('exit', () => running.delete(child.pid));
  return child;
}

/** Sends SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
export async function stopProcess(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  try { process.kill(child.pid, 'SIGTERM'); } catch { return; }
  const timer = setTimeout(() => { try { process.kill(child.pid, 'SIGKILL'); } catch { /* already gone */ } }, graceMs);
  await gone;
  clearTimeout(timer);
}

/** Processes started by a library (Chromium under Playwright) are tracked by PID too. */
const trackedPids = new Set();
export function trackPid(pid) { if (pid) trackedPids.add(pid); }
export function untrackPid(pid) { trackedPids.delete(pid); }

function killAllNow() {
  for (const pid of [...running.keys(), ...trackedPids]) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  running.clear();
  trackedPids.clear();
}

process.once('exit', killAllNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => { killAllNow(); process.exit(130); });
}

/** Resolves with the first stdout line matching `pattern`, or rejects on exit/timeout. */
export function waitForLine(child, pattern, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let errText = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern} (${errText.slice(-400)})`)), timeoutMs);
    const onData = (d) => {
      buffer += d.toString();
      const m = buffer.match(pattern);
      if (m) { clearTimeout(timer); child.stdout.off('data', onData); resolve(m); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => { errText += d.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`process exited (${code}) before ready: ${errText.slice(-800)}`)); });
  });
}
