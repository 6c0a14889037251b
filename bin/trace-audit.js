#!/usr/bin/env node
// Launcher: the program lives in dist/ (built by `npm install`): dist/bundle/cli.js, the
// bundled CLI that starts fast, or dist/cli.js when only the TypeScript build has run.
// Once main is done and its output flushed, a stray handle (a worker, an open file) must
// not keep the process alive.
import { existsSync } from 'node:fs';

// A reader that stops early (`trace-audit … | head`) closes the pipe: stop quietly, as
// Unix tools do, instead of dying on the unhandled write error with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE' && stream === process.stdout) process.stderr.write(`trace-audit: cannot write output (${e.code ?? 'write error'})\n`);
    process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
  });
}

const bundled = new URL('../dist/bundle/cli.js', import.meta.url);
const entry = existsSync(bundled) ? bundled.href : new URL('../dist/cli.js', import.meta.url).href;
import(entry).then(async (cli) => {
  const code = await cli.main(process.argv.slice(2));
  setTimeout(() => process.exit(code), 1500).unref();
});
