#!/usr/bin/env node
/**
 * Deterministic synthetic HAR: `node bench/generate-har.mjs --size 100MB --out bench/out/trace-100m.har [--seed 1]`.
 * The same size and seed give the same bytes. Output is streamed; memory stays
 * around the largest single body whatever the size.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, runMain } from './lib/args.mjs';
import { writeMeta } from './lib/cache.mjs';
import { harEntry } from './lib/har-entry.mjs';
import { entryJson, HarFile } from './lib/har-file.mjs';
import { Prng } from './lib/prng.mjs';
import { parseSize } from './lib/units.mjs';
import { Traffic } from './lib/traffic.mjs';

export async function generateHar({ size, seed, out }) {
  mkdirSync(dirname(out), { recursive: true });
  const traffic = await Traffic.create(seed);
  const rng = new Prng(seed ^ 0x5a5a);
  const file = new HarFile(out);
  // Stop once the entries reach the target (the head and tail add a few hundred
  // bytes); a big entry that would overshoot by more than 1% is left out.
  while (file.approximateBytes() < size) {
    const json = entryJson(harEntry(await traffic.next(), rng));
    if (json.length > 1 << 20 && file.approximateBytes() + json.length > size * 1.01) continue;
    file.writeJson(json);
  }
  const creator = { name: 'WebInspector', version: '537.36' };
  const pages = traffic.pages.map((p, i) => ({
    startedDateTime: new Date(p.time).toISOString(), id: p.id, title: p.title,
    pageTimings: { onContentLoad: 180 + ((i * 37) % 400) + 0.5, onLoad: 420 + ((i * 53) % 900) + 0.25 },
  }));
  await file.close(creator, pages);
  const facts = { entries: file.entries, pages: pages.length };
  writeMeta(out, { kind: 'har', size, seed }, facts);
  return facts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMain(async () => {
    const args = parseArgs(process.argv.slice(2), { defaults: { size: '100MB', seed: '1', out: '' } });
    const size = parseSize(args.size);
    const out = args.out || `bench/out/trace-${args.size.toLowerCase()}.har`;
    const started = performance.now();
    const facts = await generateHar({ size, seed: Number(args.seed), out });
    process.stderr.write(`${out}: ${facts.entries} entries, ${facts.pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  });
}
