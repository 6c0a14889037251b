/** The `?` body: generated key and filter help, scrollable. */
import { helpLines } from '../keys/help-lines.js';
import type { StyledLine } from '../text/styled.js';
import { fillBody } from './frame.js';

let cached: StyledLine[] | undefined;

export function allHelpLines(): StyledLine[] {
  cached ??= helpLines();
  return cached;
}

export function helpBody(scroll: number, height: number, width: number): StyledLine[] {
  const lines = allHelpLines();
  const top = Math.min(scroll, Math.max(0, lines.length - height));
  return fillBody(lines.slice(top, top + height), height, width);
}
