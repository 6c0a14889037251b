// Regenerates every sample trace in samples/ and its .expected.json, and
// writes samples/README.md: `npm run samples` (node samples/recorder/record-all.mjs
// [scenario names...]). Everything it starts listens on 127.0.0.1 only and is
// stopped by PID, also when a scenario fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages, ensureNodeModules } from './lib/setup-tools.mjs';

const recorderDir = path.dirname(fileURLToPath(import.meta.url));
const samplesDir = path.dirname(recorderDir);
const SCENARIO_TIMEOUT_MS = 120_000;
const SIZE_WARNING_BYTES = 400 * 1024;

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const started = Date.now();
  ensureNodeModules(recorderDir);
  ensureDebianPackages();
  // Loaded only now: they need the dependencies installed above.
  const { SCENARIOS } = await import('./scenarios/index.mjs');
  const { makeCertificates } = await import('./lib/tls-certs.mjs');
  const { HOSTS } = await import('./lib/tenant.mjs');
  const { writeReadme } = await import('./lib/readme.mjs');

  const wanted = process.argv.slice(2);
  const selected = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;
  if (wanted.length && selected.length !== wanted.length) throw new Error(`unknown scenario in ${wanted.join(', ')}`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-audit-samples-'));
  try {
    const certs = makeCertificates(path.join(work, 'certs'), Object.values(HOSTS));
    for (const scenario of selected) {
      const t0 = Date.now();
      const tmpOut = path.join(work, scenario.file);
      const expected = await withTimeout(scenario.record({ certs, outPath: tmpOut }), SCENARIO_TIMEOUT_MS, scenario.name);
      fs.copyFileSync(tmpOut, path.join(samplesDir, scenario.file));
      fs.writeFileSync(path.join(samplesDir, `${scenario.name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
      const size = fs.statSync(tmpOut).size;
      console.log(`${scenario.file}: ${(size / 1024).toFixed(0)} KB, ${expected.mustFind.length} expected finding(s), ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (size > SIZE_WARNING_BYTES) console.warn(`warning: ${scenario.file} is larger than ${SIZE_WARNING_BYTES / 1024} KB`);
    }
    writeReadme(samplesDir, SCENARIOS);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().then(() => process.exit(0), (err) => {
  console.error(`sample recording failed: ${err.stack ?? err}`);
  process.exit(1);
});
