/** Findings view body: the list on top, the selected finding in full below (scrollable). */
import type { Finding } from '../../model/index.js';
import { findingLines } from '../detail/finding-lines.js';
import { type ListPosition, visibleRange } from '../layout/virtual-window.js';
import { markSelected, seg, type StyledLine, wrapStyled } from '../text/styled.js';
import { findingListLine, findingsListHeight } from './findings-model.js';
import { fillBody } from './frame.js';
import { panelRule, panelSlice } from './panel.js';

export interface SplitLayout {
  listHeight: number;
  panelHeight: number;
}

export function findingsLayout(count: number, bodyHeight: number): SplitLayout {
  const listHeight = findingsListHeight(count, bodyHeight);
  return { listHeight, panelHeight: Math.max(1, bodyHeight - listHeight - 1) };
}

export function findingPanel(findings: readonly Finding[], selected: number, width: number, showSecrets: boolean): StyledLine[] {
  const finding = findings[Math.min(selected, findings.length - 1)];
  if (!finding) return [];
  return findingLines(finding, { showSecrets, width }).flatMap((l) => wrapStyled(l, width));
}

export interface FindingsScreenInput {
  findings: readonly Finding[];
  position: ListPosition;
  height: number;
  width: number;
  panel: readonly StyledLine[];
  panelScroll: number;
  /** Analysis has not ended yet: there are no findings to show so far. */
  pending?: boolean;
}

export function findingsBody(input: FindingsScreenInput): StyledLine[] {
  const { findings, position, height, width } = input;
  if (input.pending) return fillBody([[seg('  The trace is still loading: findings appear when analysis ends.', 'muted')]], height, width);
  if (findings.length === 0) return fillBody([[seg('  No findings: nothing in this trace looks wrong.', 'muted')]], height, width);
  const { listHeight, panelHeight } = findingsLayout(findings.length, height);
  const { start, end } = visibleRange(position, listHeight, findings.length);
  const lines: StyledLine[] = [];
  for (let i = start; i < end; i++) {
    const line = findingListLine(findings[i]!, i === position.selected);
    lines.push(i === position.selected ? markSelected(line) : line);
  }
  while (lines.length < listHeight) lines.push([]);
  lines.push(panelRule(width, input.panelScroll, input.panel.length, panelHeight));
  lines.push(...panelSlice(input.panel, input.panelScroll, panelHeight));
  return fillBody(lines, height, width);
}
