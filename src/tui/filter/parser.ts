/**
 * Recursive-descent parser for filter expressions.
 *
 *   sequence := or+            (juxtaposition means "and", lowest precedence, as in mitmproxy)
 *   or       := and ('|' and)*
 *   and      := unary ('&' unary)*
 *   unary    := '!' unary | primary
 *   primary  := '(' sequence ')' | '~name' [argument] | word      (a bare word is ~u word)
 */
import { FILTERS_BY_NAME } from './definitions.js';
import { FilterSyntaxError } from './errors.js';
import { type FilterToken, tokenize } from './tokenizer.js';

export type FilterNode =
  | { type: 'and' | 'or'; items: FilterNode[] }
  | { type: 'not'; item: FilterNode }
  | { type: 'test'; name: string; arg?: string; pos: number };

const MAX_DEPTH = 100;
const CODE_WORD = /^(?:aadsts|idx)?\d+$/i;

class Parser {
  private at = 0;
  private depth = 0;
  constructor(
    private readonly tokens: FilterToken[],
    private readonly length: number,
  ) {}

  parseAll(): FilterNode {
    const node = this.sequence();
    const extra = this.peek();
    if (extra) throw new FilterSyntaxError(extra.kind === 'rparen' ? "unmatched ')'" : 'unexpected input', extra.pos);
    return node;
  }

  private peek(): FilterToken | undefined {
    return this.tokens[this.at];
  }

  private startsOperand(t: FilterToken | undefined): boolean {
    return !!t && (t.kind === 'not' || t.kind === 'lparen' || t.kind === 'filter' || t.kind === 'word');
  }

  private sequence(): FilterNode {
    const items: FilterNode[] = [this.or()];
    while (this.startsOperand(this.peek())) items.push(this.or());
    return items.length === 1 ? items[0]! : { type: 'and', items };
  }

  private or(): FilterNode {
    const items: FilterNode[] = [this.and()];
    while (this.peek()?.kind === 'or') {
      this.at++;
      items.push(this.and());
    }
    return items.length === 1 ? items[0]! : { type: 'or', items };
  }

  private and(): FilterNode {
    const items: FilterNode[] = [this.unary()];
    while (this.peek()?.kind === 'and') {
      this.at++;
      items.push(this.unary());
    }
    return items.length === 1 ? items[0]! : { type: 'and', items };
  }

  private unary(): FilterNode {
    // Nesting is bounded so a pasted "((((..." or "!!!!..." cannot exhaust the stack.
    if (++this.depth > MAX_DEPTH) throw new FilterSyntaxError('expression nested too deeply', this.peek()?.pos ?? 0);
    try {
      if (this.peek()?.kind === 'not') {
        this.at++;
        return { type: 'not', item: this.unary() };
      }
      return this.primary();
    } finally {
      this.depth--;
    }
  }

  private primary(): FilterNode {
    const t = this.peek();
    if (!t) throw new FilterSyntaxError('expression expected', this.length);
    if (t.kind === 'lparen') {
      this.at++;
      if (this.peek()?.kind === 'rparen') throw new FilterSyntaxError('empty parentheses', t.pos);
      const inner = this.sequence();
      if (this.peek()?.kind !== 'rparen') throw new FilterSyntaxError("missing ')'", this.peek()?.pos ?? this.length);
      this.at++;
      return inner;
    }
    if (t.kind === 'word') {
      this.at++;
      return { type: 'test', name: 'u', arg: t.value, pos: t.pos };
    }
    if (t.kind === 'filter') {
      this.at++;
      return this.filter(t.name, t.pos);
    }
    const symbol = t.kind === 'rparen' ? ')' : t.kind === 'and' ? '&' : '|';
    throw new FilterSyntaxError(`expression expected before '${symbol}'`, t.pos);
  }

  private filter(name: string, pos: number): FilterNode {
    const def = FILTERS_BY_NAME.get(name);
    if (!def) throw new FilterSyntaxError(`unknown filter ~${name}`, pos);
    if (def.arg === 'none') return { type: 'test', name, pos };
    const next = this.peek();
    if (def.arg === 'code') {
      if (next?.kind === 'word' && CODE_WORD.test(next.value)) {
        this.at++;
        return { type: 'test', name, arg: next.value, pos };
      }
      return { type: 'test', name, pos };
    }
    if (next?.kind !== 'word') throw new FilterSyntaxError(`~${name} needs a value (${def.usage})`, pos);
    this.at++;
    return { type: 'test', name, arg: next.value, pos };
  }
}

/** Parse an expression; throws FilterSyntaxError (one line, with a column) when invalid. */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new FilterSyntaxError('empty filter', 0);
  return new Parser(tokens, text.length).parseAll();
}
