/** A finding as lines: headline, message, evidence (key: value), advice, entries and tokens. */
import type { EntryRef, Finding } from '../../model/index.js';
import { redactText } from '../../report/redact.js';
import { SEVERITY_MARK, SEVERITY_STYLE } from '../theme.js';
import { printable } from '../text/sanitize.js';
import { seg, type StyledLine, wordWrap, wrapStyled } from '../text/styled.js';

export interface FindingViewOptions {
  showSecrets: boolean;
  width: number;
}

function clean(text: string, showSecrets: boolean): string {
  return printable(showSecrets ? text : redactText(text));
}

export function evidenceValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function refLabel(ref: EntryRef): string {
  return `#${ref.index}${ref.input > 0 ? ` (input ${ref.input})` : ''}`;
}

/** "E F1 signing-key-rotated IDX10501" - the line used in lists. */
export function findingHeadline(f: Finding): StyledLine {
  const style = SEVERITY_STYLE[f.severity];
  return [
    seg(SEVERITY_MARK[f.severity], style),
    seg(` ${f.id} `),
    seg(printable(f.rule), style),
    seg(f.code ? ` ${printable(f.code)}` : '', 'accent'),
    seg(` ${clean(f.title, false)}`),
  ];
}

export function findingLines(f: Finding, options: FindingViewOptions): StyledLine[] {
  const { width, showSecrets } = options;
  const lines: StyledLine[] = [findingHeadline(f)];
  lines.push([seg(`  ${f.severity}${f.time ? ` · ${printable(f.time)}` : ''}`, 'muted')]);
  for (const l of wordWrap(clean(f.message, showSecrets), width, 2)) lines.push([seg(l)]);
  const evidence = Object.entries(f.evidence ?? {});
  if (evidence.length > 0) {
    lines.push([seg('  evidence', 'heading')]);
    for (const [key, value] of evidence) {
      const line: StyledLine = [seg(`    ${printable(key)}: `, 'accent'), seg(clean(evidenceValue(value), showSecrets))];
      lines.push(...wrapStyled(line, width, 6));
    }
  }
  if (f.advice) {
    lines.push([seg('  advice', 'heading')]);
    for (const l of wordWrap(clean(f.advice, showSecrets), width, 4)) lines.push([seg(l)]);
  }
  const refs = f.entries.map(refLabel).join(', ');
  if (refs) for (const l of wordWrap(`entries: ${refs}`, width, 2)) lines.push([seg(l, 'muted')]);
  if (f.tokens.length > 0) for (const l of wordWrap(`tokens: ${f.tokens.join(', ')}`, width, 2)) lines.push([seg(l, 'muted')]);
  return lines;
}
