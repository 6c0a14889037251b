/** Puts the latest tables into docs/performance.md between its bench markers. */
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export function updateDocs(path, markdown) {
  const doc = readFileSync(path, 'utf8');
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${path}: no ${START} … ${END} section to update`);
  writeFileSync(path, `${doc.slice(0, from + START.length)}\n${markdown}\n${doc.slice(to)}`);
}
