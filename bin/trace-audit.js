#!/usr/bin/env node
// Launcher: the program lives in dist/ (built by `npm install`). Once main is done and its
// output flushed, a stray handle (a worker, an open file) must not keep the process alive.
import('../dist/cli.js').then(async (cli) => {
  const code = await cli.main(process.argv.slice(2));
  setTimeout(() => process.exit(code), 1500).unref();
});
