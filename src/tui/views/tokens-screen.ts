/** Tokens view body: a table of every token, the selected one in full below. */
import type { Finding, ReportToken } from '../../model/index.js';
import { tokenLines } from '../detail/token-lines.js';
import { type ListPosition, visibleRange } from '../layout/virtual-window.js';
import { markSelected, seg, type StyledLine } from '../text/styled.js';
import { fillBody } from './frame.js';
import { lifetimeBar, tokenRowLine, tokenTableHeader, tokenTableLayout } from './tokens-model.js';

export interface TokensScreenInput {
  tokens: readonly ReportToken[];
  findings: readonly Finding[];
  position: ListPosition;
  height: number;
  width: number;
  showSecrets: boolean;
  span: { startMs: number; endMs: number };
}

export function tokensListHeight(count: number, bodyHeight: number): number {
  return Math.max(1, Math.min(count, Math.floor((bodyHeight - 1) / 3)));
}

export function tokensBody(input: TokensScreenInput): StyledLine[] {
  const { tokens, position, height, width } = input;
  if (tokens.length === 0) return fillBody([[seg('  No tokens were found in this trace.', 'muted')]], height, width);
  const layout = tokenTableLayout(width);
  const listHeight = tokensListHeight(tokens.length, height);
  const { start, end } = visibleRange(position, listHeight, tokens.length);
  const lines: StyledLine[] = [tokenTableHeader(layout)];
  for (let i = start; i < end; i++) {
    const line = tokenRowLine(tokens[i]!, layout, i === position.selected, input.span);
    lines.push(i === position.selected ? markSelected(line) : line);
  }
  while (lines.length < listHeight + 1) lines.push([]);
  lines.push([seg('-'.repeat(width), 'muted')]);
  const token = tokens[Math.min(position.selected, tokens.length - 1)]!;
  const detail = tokenLines(token, {
    showSecrets: input.showSecrets,
    width,
    findings: input.findings.filter((f) => f.tokens.includes(token.id)),
  });
  const [headline, ...rest] = detail;
  lines.push(headline!);
  if (layout.bar === 0) {
    // No room for a bar column: show this token's bar across the panel instead.
    lines.push([seg('  lifetime ', 'muted'), ...lifetimeBar(token, input.span.startMs, input.span.endMs, width - 12)]);
  }
  lines.push(...rest);
  return fillBody(lines, height, width);
}
