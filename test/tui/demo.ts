/**
 * Dev launcher: runs the real timeline on the fixture data in a terminal.
 *
 *   npx tsc --outDir /tmp/trace-audit-demo --rootDir . --module NodeNext --moduleResolution NodeNext \
 *     --target ES2022 --strict --jsx react-jsx --esModuleInterop --skipLibCheck test/tui/demo.ts
 *   ln -sfn "$PWD/node_modules" /tmp/trace-audit-demo/node_modules
 *   node /tmp/trace-audit-demo/test/tui/demo.js [--large 100000] [--slow] [--fail] [--no-color] [--show-secrets]
 */
import { writeFile } from 'node:fs/promises';
import { runTui, type TuiData, type TuiProgress } from '../../src/tui/index.js';
import { fixtureOptions, makeLargeData, makeSignInData } from './fixtures.js';

const args = process.argv.slice(2);
const largeAt = args.indexOf('--large');
const data: TuiData = largeAt >= 0 ? makeLargeData(Number(args[largeAt + 1] ?? 100_000)) : makeSignInData();
const slow = args.includes('--slow');
const fail = args.includes('--fail');

async function load(onProgress: (p: TuiProgress) => void): Promise<TuiData> {
  if (slow || fail) {
    const total = 1024 ** 3;
    for (let step = 1; step <= 20; step++) {
      onProgress({ bytesRead: (total * step) / 20, totalBytes: total, entries: step * 5000, phase: 'reading' });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (fail) throw new Error('session.har: not a HAR or SAZ file (no "log" object)');
    onProgress({ bytesRead: total, totalBytes: total, entries: 100_000, phase: 'analyzing' });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return data;
}

const options = fixtureOptions(data, {
  load,
  noColor: args.includes('--no-color') || 'NO_COLOR' in process.env,
  showSecrets: args.includes('--show-secrets'),
  defaultExportPath: (kind) => `/tmp/trace-audit-demo/report.${kind === 'json' ? 'json' : 'md'}`,
  exportReport: async (kind, path) => {
    await writeFile(path, kind === 'json' ? JSON.stringify(data.report, null, 2) : `# trace-audit report\n\n${data.report.findings.length} findings\n`);
    return path;
  },
});

runTui(options).then(
  () => process.stdout.write('demo: quit\n'),
  (err: unknown) => {
    process.stderr.write(`trace-audit: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
