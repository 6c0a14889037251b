/** One timeline row (or the header) as a styled line, for the visible rows only. */
import type { Severity } from '../../model/index.js';
import type { RowCells } from '../model/row-cells.js';
import { SEVERITY_MARK, SEVERITY_STYLE, type StyleToken } from '../theme.js';
import { seg, type Segment, type StyledLine } from '../text/styled.js';
import { type Column, type ColumnLayout, fitCell } from './columns.js';

export function statusStyle(code: number): StyleToken {
  if (code === 0 || code >= 500 || code === 401 || code === 403) return 'error';
  if (code >= 400) return 'warning';
  if (code >= 300) return 'muted';
  return 'ok';
}

function badgeSegments(badges: Severity[], width: number): Segment[] {
  const out: Segment[] = [];
  const fits = badges.length <= width ? badges.length : width - 1;
  for (let i = 0; i < fits; i++) {
    const sev = badges[i]!;
    out.push(seg(SEVERITY_MARK[sev], SEVERITY_STYLE[sev]));
  }
  if (fits < badges.length) out.push(seg('+', SEVERITY_STYLE[badges[0]!]));
  const used = fits + (fits < badges.length ? 1 : 0);
  if (used < width) out.push(seg(' '.repeat(width - used)));
  return out;
}

function markSegments(cells: RowCells, width: number): Segment[] {
  const { issued, sent, refused } = cells.marks;
  const out: Segment[] = [issued ? seg('I', 'accent') : seg(' ')];
  if (refused) out.push(seg('X', 'error'));
  else if (sent) out.push(seg('S', 'info'));
  else out.push(seg(' '));
  if (width > 2) out.push(seg(' '.repeat(width - 2)));
  return out;
}

function cellSegments(col: Column, cells: RowCells): Segment[] {
  switch (col.id) {
    case 'num':
      return [seg(fitCell(cells.num, col.width, col.align), 'muted')];
    case 'offset':
      return [seg(fitCell(cells.offset, col.width, col.align), 'muted')];
    case 'method':
      return [seg(fitCell(cells.method, col.width, col.align))];
    case 'host':
      return [seg(fitCell(cells.host, col.width, col.align))];
    case 'path':
      return [seg(fitCell(cells.path, col.width, col.align))];
    case 'status':
      return [seg(fitCell(cells.status, col.width, col.align), statusStyle(cells.statusCode))];
    case 'size':
      return [seg(fitCell(cells.size, col.width, col.align), 'muted')];
    case 'duration':
      return [seg(fitCell(cells.duration, col.width, col.align), 'muted')];
    case 'marks':
      return markSegments(cells, col.width);
    case 'badges':
      return badgeSegments(cells.badges, col.width);
  }
}

/** A row; the selected one starts with ">" so it reads without colour. */
export function formatRow(cells: RowCells, layout: ColumnLayout, selected: boolean): StyledLine {
  const line: StyledLine = [seg(selected ? '>' : ' ', selected ? 'accent' : undefined)];
  for (const col of layout.columns) {
    line.push(seg(' '));
    line.push(...cellSegments(col, cells));
  }
  return line;
}

export function formatHeader(layout: ColumnLayout): StyledLine {
  let text = ' ';
  for (const col of layout.columns) text += ` ${fitCell(col.title, col.width, col.align)}`;
  return [seg(text, 'heading')];
}
