/**
 * Opt-in measurement (not a test of speed): TRACE_AUDIT_SAZ_BENCH=1 writes a
 * ~100 MB synthetic SAZ to the temp folder (override the size in MB with
 * TRACE_AUDIT_SAZ_BENCH_MB), reads it three times and prints MB/s of
 * compressed input. Only the entry count is asserted.
 */
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSaz } from '../../../src/ingest/saz/index.js';
import { writeSyntheticSaz } from './synthetic-saz.js';

const enabled = process.env.TRACE_AUDIT_SAZ_BENCH === '1';

describe.runIf(enabled)('SAZ reader throughput', () => {
  it('reads a ~100 MB SAZ', async () => {
    const megabytes = Number(process.env.TRACE_AUDIT_SAZ_BENCH_MB ?? 100);
    const path = join(tmpdir(), `trace-audit-saz-bench-${megabytes}mb.saz`);
    const exists = await stat(path).catch(() => undefined);
    let sessions = -1;
    if (!exists) sessions = await writeSyntheticSaz(path, megabytes * 1e6);
    const size = (await stat(path)).size;
    try {
      for (let round = 1; round <= 3; round++) {
        const cpu = process.cpuUsage();
        const t0 = performance.now();
        const reader = await openSaz(path, { input: 0 });
        let n = 0;
        for await (const _ of reader.entries()) n++;
        const ms = performance.now() - t0;
        const used = process.cpuUsage(cpu);
        if (sessions !== -1) expect(n).toBe(sessions);
        console.log(
          `round ${round}: ${n} sessions, ${(size / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms = ${(size / 1e6 / (ms / 1000)).toFixed(1)} MB/s, ` +
            `cpu ${((used.user + used.system) / 1000).toFixed(0)} ms, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
        );
      }
    } finally {
      if (process.env.TRACE_AUDIT_SAZ_BENCH_KEEP !== '1') await rm(path, { force: true });
    }
  }, 600_000);
});
