/**
 * Finding compact JWTs in free text in linear time.
 *
 * The obvious regex (`eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*){2,4}`) retries at
 * every `eyJ` of a long dot-less run ("eyJeyJeyJ…") and re-scans the run each
 * time: quadratic, which turns a 1 MB hostile body into hours of work. Here a
 * linear regex only delimits maximal runs of base64url characters and dots that
 * start at an `eyJ`; the tokens inside each run are then picked by walking its
 * segments once, with the same matches the obvious regex would give.
 */

/** A maximal base64url-and-dots run from an `eyJ`: it cannot fail once started, so it never backtracks. */
const RUN = /eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)*/g;

export interface CompactShape {
  /** Characters the first segment needs after `eyJ` (6 for redaction, 8 for extraction). */
  minHeadChars: number;
  /** Fewest dots a match needs (2: JWS). */
  minDots: number;
  /** Most dots a match takes (4: JWE). */
  maxDots: number;
  /**
   * Take the rest of the run whatever its dot count (trailing dots aside), instead of
   * stopping after `maxDots`: what follows a token in the same run can be its own
   * signature (text glued before it shifts the dots), so redaction leaves none of it.
   */
  wholeRun?: boolean;
}

/** `eyJ…` + at least 6 more characters and 2 dots, to the end of its run: what redaction hides. */
export const REDACTION_SHAPE: CompactShape = { minHeadChars: 6, minDots: 2, maxDots: 4, wholeRun: true };

/** The end of a whole-run match: the run's end, less trailing dots (a sentence's full stop) while enough dots remain. */
function wholeRunEnd(run: string, headEnd: number, minDots: number): number | undefined {
  let dots = 0;
  for (let i = run.indexOf('.', headEnd); i >= 0; i = run.indexOf('.', i + 1)) dots++;
  if (dots < minDots) return undefined;
  let end = run.length;
  while (end > headEnd && run.charCodeAt(end - 1) === 0x2e && dots > minDots) {
    end--;
    dots--;
  }
  return end;
}

/** Where the first `(minDots..maxDots)`-dotted match at or after `from` lies in `run`, if any. */
function nextMatch(run: string, from: number, shape: CompactShape): { start: number; end: number } | undefined {
  let at = from;
  // Each pass moves `at` past one segment, so the loop ends within run.length passes.
  while (at < run.length) {
    const start = run.indexOf('eyJ', at);
    if (start < 0) return undefined;
    const headEnd = run.indexOf('.', start);
    if (headEnd < 0) return undefined;
    // A later `eyJ` in the same segment has an even shorter head: go to the next segment.
    if (headEnd - start < 3 + shape.minHeadChars) {
      at = headEnd + 1;
      continue;
    }
    if (shape.wholeRun) {
      const end = wholeRunEnd(run, headEnd, shape.minDots);
      return end === undefined ? undefined : { start, end };
    }
    let end = headEnd;
    let dots = 0;
    while (dots < shape.maxDots && end < run.length && run.charCodeAt(end) === 0x2e) {
      dots++;
      const next = run.indexOf('.', end + 1);
      end = next < 0 ? run.length : next;
    }
    // Later starts in this run see no more dots than this one: none can match.
    if (dots < shape.minDots) return undefined;
    return { start, end };
  }
  return undefined;
}

/** Calls `onMatch` for each token-shaped substring and its offset, left to right; stop early by returning false. */
export function forEachCompact(text: string, shape: CompactShape, onMatch: (match: string, index: number) => boolean | void): void {
  RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  try {
    while ((m = RUN.exec(text)) !== null) {
      const run = m[0];
      let at = 0;
      for (let hit = nextMatch(run, at, shape); hit; hit = nextMatch(run, at, shape)) {
        if (onMatch(run.slice(hit.start, hit.end), m.index + hit.start) === false) return;
        at = hit.end;
      }
    }
  } finally {
    RUN.lastIndex = 0;
  }
}

/** `text` with each token-shaped substring replaced by `replace(match)`. */
export function replaceCompact(text: string, shape: CompactShape, replace: (match: string) => string): string {
  if (!text.includes('eyJ')) return text;
  let out = '';
  let copied = 0;
  RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  try {
    while ((m = RUN.exec(text)) !== null) {
      const run = m[0];
      const base = m.index;
      let at = 0;
      for (let hit = nextMatch(run, at, shape); hit; hit = nextMatch(run, at, shape)) {
        out += text.slice(copied, base + hit.start) + replace(run.slice(hit.start, hit.end));
        copied = base + hit.end;
        at = hit.end;
      }
    }
  } finally {
    RUN.lastIndex = 0;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
