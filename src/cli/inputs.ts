/**
 * Turning command-line operands into files: plain paths, glob patterns
 * (fast-glob), and `-` for stdin (spooled to a private temp file so the body
 * store can read bodies back later).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { UsageError } from './errors.js';

export interface ResolvedInputs {
  /** Files to read, in order. */
  paths: string[];
  /** What to call each input in outputs ("-" for stdin). */
  displayPaths: string[];
  /** Removes temp files (stdin spool); call when the body store is no longer needed. */
  cleanup(): Promise<void>;
}

const GLOB_CHARS = /[*?[\]{}]/;

export async function resolveInputs(operands: string[], stdin: NodeJS.ReadableStream = process.stdin): Promise<ResolvedInputs> {
  if (operands.length === 0) throw new UsageError('no trace given: trace-audit <file.har|file.saz|glob|->');
  const paths: string[] = [];
  const displayPaths: string[] = [];
  const temps: string[] = [];
  for (const op of operands) {
    if (op === '-') {
      if (temps.length > 0) throw new UsageError('stdin (-) can be read only once');
      const dir = await mkdtemp(join(tmpdir(), 'trace-audit-'));
      temps.push(dir);
      const file = join(dir, 'stdin.trace');
      await pipeline(stdin, createWriteStream(file, { mode: 0o600 }));
      paths.push(file);
      displayPaths.push('-');
    } else if (GLOB_CHARS.test(op)) {
      // Loaded only for a pattern: it is a fifth of the CLI's code, and most runs name files.
      const { default: fg } = await import('fast-glob');
      const found = (await fg(op, { onlyFiles: true, dot: false, followSymbolicLinks: true })).sort();
      if (found.length === 0) throw new UsageError(`${op}: no file matches this pattern`);
      for (const f of found) {
        paths.push(f);
        displayPaths.push(f);
      }
    } else {
      paths.push(op);
      displayPaths.push(op);
    }
  }
  return {
    paths,
    displayPaths,
    cleanup: async () => {
      await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}
