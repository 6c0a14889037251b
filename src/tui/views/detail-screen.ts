/** The detail body: a tab bar, then the scrolled content of the active tab. */
import { tabCounts } from '../detail/detail-lines.js';
import type { TimelineRow } from '../model/timeline.js';
import { DETAIL_TABS } from '../state/ui-state.js';
import { seg, type StyledLine } from '../text/styled.js';
import { fillBody } from './frame.js';

export function tabBar(row: TimelineRow, active: number): StyledLine {
  const counts = tabCounts(row);
  const line: StyledLine = [];
  DETAIL_TABS.forEach((name, i) => {
    const count = i === 2 ? ` (${counts.tokens})` : i === 3 ? ` (${counts.findings})` : '';
    const label = `${i + 1} ${name}${count}`;
    line.push(seg(' '));
    // Brackets mark the active tab without colour.
    line.push(i === active ? seg(`[${label}]`, 'accent') : seg(` ${label} `, 'muted'));
  });
  return line;
}

export interface DetailScreenInput {
  row: TimelineRow;
  tab: number;
  lines: StyledLine[];
  scroll: number;
  height: number;
  width: number;
}

export function detailBody(input: DetailScreenInput): StyledLine[] {
  const paneHeight = input.height - 1;
  const maxScroll = Math.max(0, input.lines.length - paneHeight);
  const scroll = Math.min(input.scroll, maxScroll);
  const visible = input.lines.slice(scroll, scroll + paneHeight);
  return fillBody([tabBar(input.row, input.tab), ...visible], input.height, input.width);
}
