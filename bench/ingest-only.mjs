#!/usr/bin/env node
/**
 * trace-audit's ingest alone: open the trace with the built reader and drain
 * its entries, nothing else. Run against the end-to-end time, it shows what
 * analysis and the report add on top of reading. Prints {"entries": n}.
 */
import { openTrace } from '../dist/ingest/index.js';

const path = process.argv[2];
const reader = await openTrace(path, { input: 0 });
let entries = 0;
for await (const entry of reader.entries()) if (entry) entries++;
process.stdout.write(JSON.stringify({ entries }) + '\n');
