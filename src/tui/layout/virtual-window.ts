/**
 * Which slice of a long list is on screen. Only `height` rows are ever
 * formatted, whatever the list length; the window scrolls the least needed to
 * keep the selection visible (like mitmproxy and less).
 */

export interface ListPosition {
  selected: number;
  top: number;
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** First visible index so that `selected` is on screen, moving `previousTop` as little as possible. */
export function windowTop(selected: number, previousTop: number, height: number, count: number): number {
  if (count <= 0 || height <= 0) return 0;
  const maxTop = Math.max(0, count - height);
  let top = clamp(previousTop, 0, maxTop);
  if (selected < top) top = selected;
  else if (selected >= top + height) top = selected - height + 1;
  return clamp(top, 0, maxTop);
}

export type Motion = 'down' | 'up' | 'pageDown' | 'pageUp' | 'top' | 'bottom';

/** Move a selection in a list of `count` items shown `height` at a time. */
export function moveSelection(pos: ListPosition, motion: Motion, count: number, height: number): ListPosition {
  if (count <= 0) return { selected: 0, top: 0 };
  const page = Math.max(1, height);
  const last = count - 1;
  let selected = clamp(pos.selected, 0, last);
  switch (motion) {
    case 'down':
      selected = Math.min(last, selected + 1);
      break;
    case 'up':
      selected = Math.max(0, selected - 1);
      break;
    case 'pageDown':
      selected = Math.min(last, selected + page);
      break;
    case 'pageUp':
      selected = Math.max(0, selected - page);
      break;
    case 'top':
      selected = 0;
      break;
    case 'bottom':
      selected = last;
      break;
  }
  // Paging moves the window with the selection, so the page really turns.
  const shift = motion === 'pageDown' ? page : motion === 'pageUp' ? -page : 0;
  const top = windowTop(selected, pos.top + shift, page, count);
  return { selected, top };
}

/** Scroll a text pane of `lineCount` lines with `height` visible (no selection, just an offset). */
export function scrollText(offset: number, motion: Motion, lineCount: number, height: number): number {
  const maxOffset = Math.max(0, lineCount - height);
  const page = Math.max(1, height - 1);
  switch (motion) {
    case 'down':
      return clamp(offset + 1, 0, maxOffset);
    case 'up':
      return clamp(offset - 1, 0, maxOffset);
    case 'pageDown':
      return clamp(offset + page, 0, maxOffset);
    case 'pageUp':
      return clamp(offset - page, 0, maxOffset);
    case 'top':
      return 0;
    case 'bottom':
      return maxOffset;
  }
}

/** The index range [start, end) on screen. */
export function visibleRange(pos: ListPosition, height: number, count: number): { start: number; end: number } {
  const start = windowTop(pos.selected, pos.top, height, count);
  return { start, end: Math.min(count, start + Math.max(0, height)) };
}
