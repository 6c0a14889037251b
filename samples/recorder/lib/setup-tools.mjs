// Installs what the recorder needs when it is missing: its own npm
// dependencies, and Debian's chromium and mitmproxy packages.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const run = (cmd, args, timeoutMs) => execFileSync(cmd, args, { stdio: 'inherit', timeout: timeoutMs });

export function ensureNodeModules(recorderDir) {
  const { dependencies } = JSON.parse(fs.readFileSync(path.join(recorderDir, 'package.json'), 'utf8'));
  const missing = Object.keys(dependencies).filter((d) => !fs.existsSync(path.join(recorderDir, 'node_modules', d, 'package.json')));
  if (missing.length === 0) return;
  console.log('installing the recorder dependencies (npm install --prefix samples/recorder)');
  run('npm', ['install', '--prefix', recorderDir, '--no-audit', '--no-fund'], 5 * 60_000);
}

function has(file) {
  return fs.existsSync(file);
}

export function ensureDebianPackages() {
  const missing = [];
  if (!has('/usr/bin/chromium')) missing.push('chromium');
  if (!has('/usr/bin/mitmdump')) missing.push('mitmproxy');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing ${missing.join(', ')}: run as root or install them with apt-get`);
  console.log(`installing ${missing.join(', ')} with apt-get`);
  run('apt-get', ['update'], 5 * 60_000);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], 10 * 60_000);
}
