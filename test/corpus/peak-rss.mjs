// Preloaded with --import into the CLI under test: on exit, writes the process's
// peak resident set size (kilobytes, worker threads included) to the file named
// by TRACE_AUDIT_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.TRACE_AUDIT_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
