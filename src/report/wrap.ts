/**
 * Word wrapping for the plain-text summary. Works on text without styling
 * (colour is applied after measuring) and counts UTF-16 units, which is close
 * enough for the Latin text findings are written in.
 */

/** Split `text` into lines of at most `width` characters; words longer than that are cut. */
export function wrapWords(text: string, width: number): string[] {
  const limit = Math.max(8, Math.floor(width));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').filter((w) => w.length > 0)) {
      let rest = word;
      while (rest.length > limit) {
        if (line) lines.push(line);
        line = '';
        lines.push(rest.slice(0, limit));
        rest = rest.slice(limit);
      }
      if (!rest) continue;
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= limit) line = `${line} ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Join `items` with `separator` into lines of at most `width`, breaking only
 * between items ("401 ×3" never splits); an item wider than a line is word-wrapped.
 */
export function wrapItems(items: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (!line) line = item;
    else if (line.length + separator.length + item.length <= width) line = `${line}${separator}${item}`;
    else {
      lines.push(line.trimEnd());
      line = item;
    }
    if (line.length > width) {
      const pieces = wrapWords(line, width);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
  }
  lines.push(line);
  return lines;
}
