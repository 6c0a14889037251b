/**
 * One split entry to a normalized `Entry`: parse its JSON (cut strings replaced by
 * placeholders), normalize, and make sure every cut literal was really one string.
 * A failure on an entry found by the pretty-print fast path is a failed guess (the
 * reader scans it again strictly); on a strictly split entry it is broken input.
 */
import type { Entry } from '../../model/index.js';
import { InputError } from '../errors.js';
import { LiteralError, verifyCut } from './literal-text.js';
import { normalizeEntry } from './normalize-entry.js';
import type { NormalizeContext } from './normalize-context.js';
import type { CapturedValue } from './value-scanner.js';

export class GuessFailed extends Error {}

export interface BuiltEntry {
  entry: Entry;
  raw: unknown;
}

export function buildEntry(
  path: string,
  index: number,
  value: CapturedValue,
  fallbackStartedAt: number,
  ctx: NormalizeContext,
): BuiltEntry {
  const raw = parseEntry(path, index, value);
  try {
    const entry = normalizeEntry(raw, index, fallbackStartedAt, ctx);
    for (const cut of value.cuts) if (cut.kind === 'medium') verifyCut(cut);
    return { entry, raw };
  } catch (e) {
    if (!(e instanceof LiteralError)) throw e;
    if (value.guessed) throw new GuessFailed();
    throw new InputError('bad-json', `${path}: broken JSON string in entry ${index} at byte ${e.offset}`);
  }
}

function parseEntry(path: string, index: number, value: CapturedValue): unknown {
  const { text, cuts, start, end } = value;
  try {
    return JSON.parse(text);
  } catch (e) {
    if (value.guessed) throw new GuessFailed();
    const pos = /at position (\d+)/.exec((e as Error).message)?.[1];
    const near = pos !== undefined && cuts.length === 0 ? `, near byte ${start + Buffer.byteLength(text.slice(0, Number(pos)))}` : '';
    throw new InputError('bad-json', `${path}: broken JSON in entry ${index} (bytes ${start}-${end}${near})`);
  }
}
