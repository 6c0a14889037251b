/**
 * Escaping for Markdown that renders the same in GitHub and Azure DevOps.
 * Text from traces is data, never markup: it must not open tables, headings,
 * code spans or raw HTML in the ticket it is pasted into.
 */

/** Backslash first, so an escape we add is never itself undone by a preceding `\`. */
function escapeCommon(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One table cell: a single line with `|` and backticks escaped. Empty cells read as "—". */
export function mdCell(text: string): string {
  const line = escapeCommon(text.replace(/\s*\r?\n\s*/g, ' ').trim())
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`');
  return line || '—';
}

/** A token id or other identifier in a code span; ids are hex, anything else is escaped as a cell. */
export function mdCode(text: string): string {
  return /^[\w.:/-]+$/.test(text) ? `\`${text}\`` : mdCell(text);
}

/**
 * Running text (messages, advice). Characters that would start a block at the
 * beginning of a line (heading, list, quote, table, setext underline) are escaped.
 */
export function mdText(text: string): string {
  return escapeCommon(text)
    .split(/\r?\n/)
    .map((line) => line.replace(/^(\s*)([#+\-*=|])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
    .join('\n');
}

/** Text inside a heading: one line, no trailing `#` run that would be read as a closing sequence. */
export function mdHeading(text: string): string {
  return mdText(text.replace(/\s*\r?\n\s*/g, ' ')).replace(/#+\s*$/, (m) => m.replace(/#/g, '\\#'));
}

/** A table from a header row and rows of already-escaped cells. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}
