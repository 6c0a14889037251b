/**
 * Generated traces are kept in bench/out/ next to a `.meta.json` that says how
 * they were made; a file is reused only when its recipe and size still match.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

/** Bump when a generator's output changes, so that old files are made again. */
export const GENERATOR_VERSION = 4;

export function metaPath(file) {
  return `${file}.meta.json`;
}

export function writeMeta(file, recipe, facts) {
  writeFileSync(metaPath(file), JSON.stringify({ ...recipe, version: GENERATOR_VERSION, ...facts, bytes: statSync(file).size }, null, 2) + '\n');
}

/** The stored facts when `file` was made from `recipe` and is intact, else undefined. */
export function cached(file, recipe) {
  if (!existsSync(file) || !existsSync(metaPath(file))) return undefined;
  try {
    const meta = JSON.parse(readFileSync(metaPath(file), 'utf8'));
    const same = meta.version === GENERATOR_VERSION && Object.entries(recipe).every(([k, v]) => meta[k] === v);
    return same && statSync(file).size === meta.bytes ? meta : undefined;
  } catch {
    return undefined;
  }
}
