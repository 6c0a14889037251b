/**
 * `/` search over the visible timeline: the regex is tried against each row's
 * text (what the row shows plus its full display URL), starting after the
 * selection and wrapping around once.
 */

export interface SearchHit {
  position: number;
  wrapped: boolean;
}

export type SearchCompile = { ok: true; regex: RegExp } | { ok: false; error: string };

export function compileSearch(pattern: string): SearchCompile {
  if (pattern.length === 0) return { ok: false, error: 'empty search' };
  try {
    return { ok: true, regex: new RegExp(pattern, 'i') };
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : 'invalid';
    return { ok: false, error: `invalid regex: ${why}` };
  }
}

/**
 * Next match from `from` (exclusive) in `direction`, over `count` positions;
 * `textAt(i)` gives the searchable text of position i. Bounded: at most `count` probes.
 */
export function findNext(
  count: number,
  from: number,
  direction: 1 | -1,
  regex: RegExp,
  textAt: (position: number) => string,
): SearchHit | undefined {
  if (count <= 0) return undefined;
  let pos = from;
  for (let step = 1; step <= count; step++) {
    pos += direction;
    let wrapped = false;
    if (pos >= count) {
      pos = 0;
      wrapped = true;
    } else if (pos < 0) {
      pos = count - 1;
      wrapped = true;
    }
    if (regex.test(textAt(pos))) {
      const passedEnd = direction === 1 ? pos <= from : pos >= from;
      return { position: pos, wrapped: wrapped || passedEnd };
    }
  }
  return undefined;
}
