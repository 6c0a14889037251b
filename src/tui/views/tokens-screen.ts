/** Tokens view body: a table of every token, the selected one in full below (scrollable). */
import type { Finding, ReportToken } from '../../model/index.js';
import { tokenLines } from '../detail/token-lines.js';
import { type ListPosition, visibleRange } from '../layout/virtual-window.js';
import { markSelected, seg, type StyledLine, wrapStyled } from '../text/styled.js';
import type { SplitLayout } from './findings-screen.js';
import { fillBody } from './frame.js';
import { panelRule, panelSlice } from './panel.js';
import { lifetimeBar, tokenRowLine, tokenTableHeader, tokenTableLayout } from './tokens-model.js';

export interface TimeSpan {
  startMs: number;
  endMs: number;
}

/** The table header takes one line, the rule another. */
export function tokensLayout(count: number, bodyHeight: number): SplitLayout {
  const listHeight = Math.max(1, Math.min(count, Math.floor((bodyHeight - 1) / 3)));
  return { listHeight, panelHeight: Math.max(1, bodyHeight - listHeight - 2) };
}

export function tokenPanel(
  tokens: readonly ReportToken[],
  findings: readonly Finding[],
  selected: number,
  width: number,
  showSecrets: boolean,
  span: TimeSpan,
): StyledLine[] {
  const token = tokens[Math.min(selected, tokens.length - 1)];
  if (!token) return [];
  const [headline, ...rest] = tokenLines(token, { showSecrets, width, findings: findings.filter((f) => f.tokens.includes(token.id)) });
  const lines: StyledLine[] = [headline!];
  if (tokenTableLayout(width).bar === 0) {
    // No room for a bar column in the table: show this token's bar across the panel instead.
    lines.push([seg('  lifetime ', 'muted'), ...lifetimeBar(token, span.startMs, span.endMs, width - 12)]);
  }
  lines.push(...rest);
  return lines.flatMap((l) => wrapStyled(l, width));
}

export interface TokensScreenInput {
  tokens: readonly ReportToken[];
  position: ListPosition;
  height: number;
  width: number;
  span: TimeSpan;
  panel: readonly StyledLine[];
  panelScroll: number;
  /** Analysis has not ended yet: there are no tokens to show so far. */
  pending?: boolean;
}

export function tokensBody(input: TokensScreenInput): StyledLine[] {
  const { tokens, position, height, width } = input;
  if (input.pending) return fillBody([[seg('  The trace is still loading: tokens appear when analysis ends.', 'muted')]], height, width);
  if (tokens.length === 0) return fillBody([[seg('  No tokens were found in this trace.', 'muted')]], height, width);
  const layout = tokenTableLayout(width);
  const { listHeight, panelHeight } = tokensLayout(tokens.length, height);
  const { start, end } = visibleRange(position, listHeight, tokens.length);
  const lines: StyledLine[] = [tokenTableHeader(layout)];
  for (let i = start; i < end; i++) {
    const line = tokenRowLine(tokens[i]!, layout, i === position.selected, input.span);
    lines.push(i === position.selected ? markSelected(line) : line);
  }
  while (lines.length < listHeight + 1) lines.push([]);
  lines.push(panelRule(width, input.panelScroll, input.panel.length, panelHeight));
  lines.push(...panelSlice(input.panel, input.panelScroll, panelHeight));
  return fillBody(lines, height, width);
}
