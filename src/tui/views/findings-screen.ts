/** Findings view body: the list on top, the selected finding in full below. */
import type { Finding } from '../../model/index.js';
import { findingLines } from '../detail/finding-lines.js';
import { type ListPosition, visibleRange } from '../layout/virtual-window.js';
import { markSelected, seg, type StyledLine } from '../text/styled.js';
import { findingListLine, findingsListHeight } from './findings-model.js';
import { fillBody } from './frame.js';

export interface FindingsScreenInput {
  findings: readonly Finding[];
  position: ListPosition;
  height: number;
  width: number;
  showSecrets: boolean;
}

export function findingsBody(input: FindingsScreenInput): StyledLine[] {
  const { findings, position, height, width } = input;
  if (findings.length === 0) return fillBody([[seg('  No findings: nothing in this trace looks wrong.', 'muted')]], height, width);
  const listHeight = findingsListHeight(findings.length, height);
  const { start, end } = visibleRange(position, listHeight, findings.length);
  const lines: StyledLine[] = [];
  for (let i = start; i < end; i++) {
    const line = findingListLine(findings[i]!, i === position.selected);
    lines.push(i === position.selected ? markSelected(line) : line);
  }
  while (lines.length < listHeight) lines.push([]);
  lines.push([seg('-'.repeat(width), 'muted')]);
  const selected = findings[Math.min(position.selected, findings.length - 1)]!;
  lines.push(...findingLines(selected, { showSecrets: input.showSecrets, width }));
  return fillBody(lines, height, width);
}
