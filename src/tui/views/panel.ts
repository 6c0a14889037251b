/** The details panel under the findings and tokens lists: a scrolled slice with a rule that says where it is. */
import { seg, type StyledLine } from '../text/styled.js';

export function panelRule(width: number, scroll: number, lineCount: number, height: number): StyledLine {
  if (lineCount <= height) return [seg('-'.repeat(width), 'muted')];
  const top = Math.min(scroll, lineCount - height);
  const label = ` ${top + 1}-${Math.min(lineCount, top + height)}/${lineCount}  space/PgUp: scroll `;
  const left = Math.max(2, Math.floor((width - label.length) / 2));
  return [seg(`${'-'.repeat(left)}${label}`.padEnd(width, '-').slice(0, width), 'muted')];
}

export function panelSlice(lines: readonly StyledLine[], scroll: number, height: number): StyledLine[] {
  const top = Math.max(0, Math.min(scroll, lines.length - height));
  return lines.slice(top, top + height);
}
