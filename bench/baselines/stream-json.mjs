#!/usr/bin/env node
/**
 * Baseline: the usual streaming approach — stream-json's parser, picking
 * log.entries and assembling each entry as an object. Prints {"entries": n}.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';

const require = createRequire(import.meta.url);
const { parser } = require('stream-json');
const { pick } = require('stream-json/filters/Pick');
const { streamArray } = require('stream-json/streamers/StreamArray');

const path = process.argv[2];
let entries = 0;
await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), parser(), pick({ filter: 'log.entries' }), streamArray(), async function (source) {
  for await (const item of source) if (item.value) entries++;
});
process.stdout.write(JSON.stringify({ entries }) + '\n');
