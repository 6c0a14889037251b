#!/usr/bin/env node
// Launcher: the program lives in dist/ (built by `npm install`).
import('../dist/cli.js').then((cli) => cli.main(process.argv.slice(2)));
