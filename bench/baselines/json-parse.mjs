#!/usr/bin/env node
/**
 * Baseline: what most viewers do — read the whole file into one string and
 * JSON.parse it. Prints {"entries": n}. A file over V8's string limit (~512 MiB of
 * text) cannot be opened this way: that is reported as {"cannotOpen": reason}, exit 3.
 */
import { readFileSync } from 'node:fs';

const path = process.argv[2];
let text;
try {
  text = readFileSync(path, 'utf8');
} catch (e) {
  if (e?.code === 'ERR_STRING_TOO_LONG' || e instanceof RangeError) {
    process.stdout.write(JSON.stringify({ cannotOpen: 'file larger than the longest string V8 can hold' }) + '\n');
    process.exit(3);
  }
  throw e;
}
const har = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
process.stdout.write(JSON.stringify({ entries: har.log.entries.length }) + '\n');
