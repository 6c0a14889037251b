// Plain-ASCII layout helpers for command output that must read well at 80 columns.

const ANSI = /\u001b\[[0-9;]*m/g;

/** Length as the terminal shows it (colour escapes take no room). */
export function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}

/**
 * Word-wrap `text` (unstyled) to `width` columns; the first line starts after
 * `firstIndent` characters already printed, later lines get `indent` spaces.
 * Words longer than a line (URLs, ids) are kept whole rather than broken.
 */
export function wrap(text: string, width: number, indent: number, firstIndent = indent): string {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  let room = width - firstIndent;
  for (const word of words) {
    if (line.length === 0) line = word;
    else if (line.length + 1 + word.length <= room) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
      room = width - indent;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}
