/**
 * Filter expressions are read like mitmproxy's: an unquoted word runs until
 * whitespace or one of ( ) ~ " ' - so `~u a|b` is one regex - while ! & |
 * standing at the start of a token are operators.
 */
import { FilterSyntaxError } from './errors.js';

export type FilterToken =
  | { kind: 'not' | 'and' | 'or' | 'lparen' | 'rparen'; pos: number }
  | { kind: 'filter'; name: string; pos: number }
  | { kind: 'word'; value: string; quoted: boolean; pos: number };

const WORD_STOP = /[\s()~"']/;

function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start]!;
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1]!;
      // Keep the backslash unless it escapes the quote: "\d" must stay a regex escape.
      value += next === quote ? next : ch + next;
      i++;
      continue;
    }
    if (ch === quote) return { value, end: i + 1 };
    value += ch;
  }
  throw new FilterSyntaxError(`unterminated ${quote === '"' ? 'double' : 'single'} quote`, start);
}

export function tokenize(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  // Bounded: every branch advances i by at least one character.
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', pos: i });
      i++;
    } else if (ch === '!' || ch === '&' || ch === '|') {
      tokens.push({ kind: ch === '!' ? 'not' : ch === '&' ? 'and' : 'or', pos: i });
      i++;
    } else if (ch === '~') {
      const m = /^[a-z]+/i.exec(text.slice(i + 1));
      if (!m) throw new FilterSyntaxError('expected a filter name after ~', i);
      tokens.push({ kind: 'filter', name: m[0].toLowerCase(), pos: i });
      i += 1 + m[0].length;
    } else if (ch === '"' || ch === "'") {
      const { value, end } = readQuoted(text, i);
      tokens.push({ kind: 'word', value, quoted: true, pos: i });
      i = end;
    } else {
      let end = i + 1;
      while (end < text.length && !WORD_STOP.test(text[end]!)) end++;
      tokens.push({ kind: 'word', value: text.slice(i, end), quoted: false, pos: i });
      i = end;
    }
  }
  return tokens;
}
