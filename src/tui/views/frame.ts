/** Shared frame geometry: every view fills exactly the body height, every line exactly the width. */
import { fitLine, type StyledLine } from '../text/styled.js';

/** Lines around the view body: title on top, status bar and prompt/message line below. */
export const CHROME_LINES = 3;
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 8;

export interface FrameSize {
  width: number;
  /** Lines Ink draws: one less than the terminal, so Ink never scrolls the screen. */
  height: number;
  body: number;
}

export function frameSize(columns: number | undefined, rows: number | undefined): FrameSize {
  const width = Math.max(MIN_COLUMNS, columns && columns > 0 ? columns : 80);
  const height = Math.max(MIN_ROWS, (rows && rows > 0 ? rows : 24) - 1);
  return { width, height, body: height - CHROME_LINES };
}

/** Cut or pad `lines` to exactly `height` lines of exactly `width` columns. */
export function fillBody(lines: readonly StyledLine[], height: number, width: number): StyledLine[] {
  const out: StyledLine[] = [];
  for (let i = 0; i < height; i++) out.push(fitLine(lines[i] ?? [], width));
  return out;
}

/** "19-36/80" for a pane showing `height` of `count` lines from `scroll`; empty when everything fits. */
export function scrollRange(scroll: number, count: number, height: number): string {
  if (count <= height) return '';
  const top = Math.max(0, Math.min(scroll, count - height));
  return `${top + 1}-${top + height}/${count}`;
}
