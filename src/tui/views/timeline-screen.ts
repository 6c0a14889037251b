/** The timeline body: column header plus only the rows in the visible window. */
import { computeLayout, type ColumnLayout, type ColumnStats } from '../layout/columns.js';
import { formatHeader, formatRow } from '../layout/row-format.js';
import { type ListPosition, visibleRange } from '../layout/virtual-window.js';
import { formatOffset } from '../format/units.js';
import { cellsOf, rowNumber } from '../model/row-cells.js';
import type { TimelineModel } from '../model/timeline.js';
import { splitUrl } from '../model/url-parts.js';
import { markSelected, seg, type StyledLine } from '../text/styled.js';
import { fillBody } from './frame.js';

/** Column statistics, computed once per model (one pass over the rows). */
export function columnStats(model: TimelineModel): ColumnStats {
  let numWidth = 1;
  let hostWidth = 4;
  let methodWidth = 4;
  for (const row of model.rows) {
    if (row.entry.request.method.length > methodWidth) methodWidth = row.entry.request.method.length;
    const num = rowNumber(row, model.multiInput).length;
    if (num > numWidth) numWidth = num;
    const host = splitUrl(row.entry.request.url).host.length;
    if (host > hostWidth) hostWidth = host;
  }
  return { numWidth, hostWidth, methodWidth, offsetWidth: formatOffset(model.endMs - model.startMs).length };
}

export interface TimelineScreenInput {
  model: TimelineModel;
  visible: Int32Array;
  position: ListPosition;
  /** Body lines including the column header. */
  height: number;
  width: number;
  layout: ColumnLayout;
  showSecrets: boolean;
  filterText: string;
}

export function timelineLayout(width: number, stats: ColumnStats): ColumnLayout {
  return computeLayout(width, stats);
}

export function timelineBody(input: TimelineScreenInput): StyledLine[] {
  const { model, visible, position, height, width, layout } = input;
  const rowsHeight = Math.max(1, height - 1);
  const lines: StyledLine[] = [formatHeader(layout)];
  if (visible.length === 0) {
    const why = input.filterText ? `No entry matches the filter ${input.filterText}` : 'The trace has no entries.';
    lines.push([seg(`  ${why}`, 'muted')]);
    return fillBody(lines, height, width);
  }
  const { start, end } = visibleRange(position, rowsHeight, visible.length);
  for (let p = start; p < end; p++) {
    const row = model.rows[visible[p]!]!;
    const cells = cellsOf(row, model, { showSecrets: input.showSecrets });
    const selected = p === position.selected;
    const line = formatRow(cells, layout, selected);
    lines.push(selected ? markSelected(line) : line);
  }
  return fillBody(lines, height, width);
}
