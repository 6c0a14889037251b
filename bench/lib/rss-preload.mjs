/**
 * Loaded with `node --import` into every measured process: at exit it writes the
 * process's peak resident set size (getrusage maxrss, all threads) and CPU time to the file
 * named by BENCH_RSS_FILE. The same probe for every tool keeps the column fair.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
