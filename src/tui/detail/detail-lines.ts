/** The content of each detail tab for one timeline row. */
import type { BodyContent } from '../body/body-content.js';
import { type TimelineModel, type TimelineRow, tokensOfEntry } from '../model/timeline.js';
import { seg, type StyledLine, wrapStyled } from '../text/styled.js';
import { findingLines } from './finding-lines.js';
import { requestLines, responseLines } from './message-lines.js';
import { tokenLines } from './token-lines.js';

export interface DetailContext {
  row: TimelineRow;
  model: TimelineModel;
  requestBody: BodyContent;
  responseBody: BodyContent;
  showSecrets: boolean;
  width: number;
}

function tokensTab(ctx: DetailContext): StyledLine[] {
  const tokens = tokensOfEntry(ctx.row.auth);
  if (tokens.length === 0) return [[seg('No token was issued or sent in this entry.', 'muted')]];
  const lines: StyledLine[] = [];
  for (const t of tokens) {
    if (lines.length > 0) lines.push([]);
    const findings = ctx.model.report.findings.filter((f) => f.tokens.includes(t.id));
    lines.push(
      ...tokenLines(t, {
        showSecrets: ctx.showSecrets,
        width: ctx.width,
        requestMs: ctx.row.entry.startedAt,
        here: ctx.row.entry,
        findings,
      }),
    );
  }
  return lines;
}

function findingsTab(ctx: DetailContext): StyledLine[] {
  const findings = ctx.row.auth?.findings ?? [];
  if (findings.length === 0) return [[seg('No finding names this entry.', 'muted')]];
  const lines: StyledLine[] = [];
  for (const f of findings) {
    if (lines.length > 0) lines.push([]);
    lines.push(...findingLines(f, { showSecrets: ctx.showSecrets, width: ctx.width }));
  }
  return lines;
}

export function tabCounts(row: TimelineRow): { tokens: number; findings: number } {
  return { tokens: tokensOfEntry(row.auth).length, findings: row.auth?.findings.length ?? 0 };
}

/** Lines of tab `tab` (0 Request, 1 Response, 2 Tokens, 3 Findings), wrapped to the width. */
export function detailLines(tab: number, ctx: DetailContext): StyledLine[] {
  const options = { showSecrets: ctx.showSecrets, startMs: ctx.model.startMs };
  let lines: StyledLine[];
  switch (tab) {
    case 0:
      lines = requestLines(ctx.row.entry, ctx.requestBody, options);
      break;
    case 1:
      lines = responseLines(ctx.row.entry, ctx.responseBody, options);
      break;
    case 2:
      lines = tokensTab(ctx);
      break;
    default:
      lines = findingsTab(ctx);
  }
  // Continuations indent past the "  name: " column so wrapped header values read as one block.
  return lines.flatMap((l) => wrapStyled(l, ctx.width, 4));
}
