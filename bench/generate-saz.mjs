#!/usr/bin/env node
/**
 * Deterministic synthetic Fiddler SAZ: `node bench/generate-saz.mjs --size 200MB --out bench/out/trace-200m.saz [--seed 1]`.
 * The same traffic model as the HAR generator, saved as Fiddler saves it. The
 * size counts the archive on disk (compressed), like the MB/s it is measured with.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, runMain } from './lib/args.mjs';
import { writeMeta } from './lib/cache.mjs';
import { Prng } from './lib/prng.mjs';
import { connectSession, metadataXml, requestBytes, responseBytes } from './lib/saz-session.mjs';
import { SazFile } from './lib/saz-file.mjs';
import { parseSize } from './lib/units.mjs';
import { Traffic } from './lib/traffic.mjs';

/** Average archived session, compressed, used to size the zero-padding of member numbers. */
const TYPICAL_SESSION_BYTES = 15_000;

export async function generateSaz({ size, seed, out }) {
  mkdirSync(dirname(out), { recursive: true });
  const traffic = await Traffic.create(seed);
  const rng = new Prng(seed ^ 0x2d2d);
  const width = Math.max(2, String(Math.ceil(size / TYPICAL_SESSION_BYTES)).length);
  const saz = new SazFile(out, width);
  await saz.start();
  const tunnels = new Set();
  while (saz.bytesWritten() < size) {
    const ex = await traffic.next();
    const host = new URL(ex.url).host;
    if (!tunnels.has(host)) {
      tunnels.add(host);
      const c = connectSession(host, ex.time - 5);
      const meta = metadataXml({ time: ex.time - 5, timings: { blocked: 0, send: 0, wait: 1, receive: 0 }, serverIp: ex.serverIp, status: 200 }, saz.sessions + 1, c.response.length);
      await saz.addSession(c.request, meta, c.response);
    }
    const response = responseBytes(ex, rng);
    await saz.addSession(requestBytes(ex), metadataXml(ex, saz.sessions + 1, response.length), response);
  }
  await saz.close();
  const facts = { sessions: saz.sessions };
  writeMeta(out, { kind: 'saz', size, seed }, facts);
  return facts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMain(async () => {
    const args = parseArgs(process.argv.slice(2), { defaults: { size: '200MB', seed: '1', out: '' } });
    const size = parseSize(args.size);
    const out = args.out || `bench/out/trace-${args.size.toLowerCase()}.saz`;
    const started = performance.now();
    const facts = await generateSaz({ size, seed: Number(args.seed), out });
    process.stderr.write(`${out}: ${facts.sessions} sessions in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  });
}
