/**
 * Screen text as plain data: a line is a list of segments, each with an
 * optional semantic style. Views build lines with pure functions; one small
 * component turns them into Ink <Text> nodes. Keeping text out of components
 * lets tests check layout (width, content) without a terminal.
 */
import type { StyleToken } from '../theme.js';

export interface Segment {
  text: string;
  style?: StyleToken;
  /** Part of the selected row: drawn inverted when colours are on. */
  selected?: boolean;
}

export type StyledLine = Segment[];

export function seg(text: string, style?: StyleToken): Segment {
  return style ? { text, style } : { text };
}

export function lineText(line: StyledLine): string {
  let out = '';
  for (const s of line) out += s.text;
  return out;
}

export function lineWidth(line: StyledLine): number {
  let n = 0;
  for (const s of line) n += s.text.length;
  return n;
}

/** Cut a line to `width` columns, marking the cut with "…" so nothing silently disappears. */
export function truncateLine(line: StyledLine, width: number): StyledLine {
  if (width <= 0) return [];
  if (lineWidth(line) <= width) return line;
  const out: StyledLine = [];
  let room = width - 1;
  for (const s of line) {
    if (room <= 0) break;
    const text = s.text.length <= room ? s.text : s.text.slice(0, room);
    out.push({ ...s, text });
    room -= text.length;
  }
  out.push({ text: '…', selected: line[0]?.selected });
  return out;
}

/** Truncate, then pad with spaces to exactly `width` (so a selected row highlights the full width). */
export function fitLine(line: StyledLine, width: number): StyledLine {
  const cut = truncateLine(line, width);
  const missing = width - lineWidth(cut);
  return missing > 0 ? [...cut, { text: ' '.repeat(missing), selected: cut[0]?.selected }] : cut;
}

/** Mark every segment of a line as part of the selection. */
export function markSelected(line: StyledLine): StyledLine {
  return line.map((s) => ({ ...s, selected: true }));
}



/** Segments covering text[start, end) of a line, keeping their styles. */
function sliceLine(line: StyledLine, start: number, end: number): StyledLine {
  const out: StyledLine = [];
  let at = 0;
  for (const s of line) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + s.text.length);
    if (from < to) out.push({ ...s, text: s.text.slice(from - at, to - at) });
    at += s.text.length;
  }
  return out;
}

/**
 * Wrap a styled line to `width`, continuation lines indented. Breaks after a
 * space when there is one in the second half of the line, else mid-word
 * (URLs and tokens have no spaces).
 */
export function wrapStyled(line: StyledLine, width: number, indent = 2): StyledLine[] {
  const text = lineText(line);
  if (text.length <= width || width <= indent + 1) return [line];
  const out: StyledLine[] = [];
  const pad = ' '.repeat(indent);
  let start = 0;
  let room = width;
  // Bounded: every pass consumes at least one character.
  while (start < text.length) {
    let end = Math.min(text.length, start + room);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end - 1);
      if (space > start + room / 2) end = space + 1;
    }
    const piece = sliceLine(line, start, end);
    out.push(out.length === 0 ? piece : [{ text: pad }, ...piece]);
    start = end;
    room = width - indent;
  }
  return out;
}

/** Word-wrap prose to `width`, every line prefixed by `indent` spaces; words longer than a line are split. */
export function wordWrap(text: string, width: number, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  const room = Math.max(8, width - indent);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (!line) line = word;
      else if (line.length + 1 + word.length <= room) line += ` ${word}`;
      else if (word.length > room) line += ` ${word}`; // split below, filling this line first
      else {
        out.push(pad + line);
        line = word;
      }
      while (line.length > room) {
        out.push(pad + line.slice(0, room));
        line = line.slice(room);
      }
    }
    out.push(pad + line);
  }
  return out;
}

/** Join neighbouring segments that look the same: fewer nodes for Ink to lay out per frame. */
export function mergeSegments(line: StyledLine): StyledLine {
  const out: StyledLine = [];
  for (const s of line) {
    const last = out[out.length - 1];
    if (last && last.style === s.style && !!last.selected === !!s.selected) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
