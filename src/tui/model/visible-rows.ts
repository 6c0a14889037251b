/**
 * The filtered timeline: positions of matching rows, computed once per filter
 * text (the only O(n) step besides the first build) and remembered.
 */
import { applyFilter, buildFilter, type FilterResult } from '../filter/index.js';
import type { TimelineModel } from './timeline.js';

export class VisibleRows {
  private lastText = '';
  private lastRows: Int32Array;

  constructor(private readonly model: TimelineModel) {
    this.lastRows = applyFilter(model.rows, undefined);
  }

  /** Rows for a filter text already known to be valid ('' = all). */
  rowsFor(text: string): Int32Array {
    if (text === this.lastText) return this.lastRows;
    const built: FilterResult = text ? buildFilter(text) : { ok: true, predicate: () => true };
    // An invalid text never gets here through the prompt; show everything rather than nothing.
    this.lastRows = applyFilter(this.model.rows, built.ok ? built.predicate : undefined);
    this.lastText = text;
    return this.lastRows;
  }
}

/** Position of `row` in a sorted visible list, or of the first row after it; -1 when none. */
export function positionOf(visible: Int32Array, row: number, exact = false): number {
  let lo = 0;
  let hi = visible.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (visible[mid]! < row) lo = mid + 1;
    else hi = mid;
  }
  if (exact) return visible[lo] === row ? lo : -1;
  return lo < visible.length ? lo : visible.length - 1;
}
