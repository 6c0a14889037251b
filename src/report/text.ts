/**
 * The summary printed when stdout is not a TTY (or with --no-tui): what was
 * read, then one line per finding, most severe first, then a total. Meant to
 * be read in a CI log or pasted into a chat, so it stays plain and narrow.
 */
import type { Finding, Severity } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { compactIso, entryLabels, humanDuration, plural, statusLabels, verdict } from './display.js';
import { createTextCleaner, showsSecrets, type TextCleaner } from './safe-text.js';
import { createStyler, type Styler } from './style.js';
import { wrapWords } from './wrap.js';

export interface TextOptions {
  color: boolean;
  /** Columns to wrap at; default 100. */
  width?: number;
}

const LABEL_WIDTH = 8;
const TOP_HOSTS = 8;
const MAX_REFS = 6;
const GROUPS: { severity: Severity; heading: string }[] = [
  { severity: 'error', heading: 'Errors' },
  { severity: 'warning', heading: 'Warnings' },
  { severity: 'info', heading: 'Info' },
];

interface Context {
  style: Styler;
  clean: TextCleaner;
  width: number;
  multiInput: boolean;
}

export function formatText(report: Report, options: TextOptions): string {
  const ctx: Context = {
    style: createStyler(options.color),
    clean: createTextCleaner(showsSecrets(report.settings)),
    width: Math.max(40, options.width ?? 100),
    multiInput: report.inputs.length > 1,
  };
  const { style } = ctx;
  const lines: string[] = [`${style('accent', `trace-audit ${report.tool.version}`)} · ${verdict(report.summary.findings)}`, ''];
  lines.push(...overview(report, ctx), '');
  lines.push(...findings(report.findings, ctx));
  lines.push(totals(report));
  return `${lines.join('\n')}\n`;
}

/** `label` then the value, continuation lines under the value. */
function labelled(label: string, items: string[], ctx: Context, separator = ' · '): string[] {
  const wrapped = wrapWords(items.join(separator), ctx.width - LABEL_WIDTH);
  return wrapped.map((line, i) => (i === 0 ? ctx.style('muted', label.padEnd(LABEL_WIDTH)) : ' '.repeat(LABEL_WIDTH)) + line);
}

function overview(report: Report, ctx: Context): string[] {
  const lines: string[] = [];
  report.inputs.forEach((input, i) => {
    const facts = [input.format.toUpperCase(), input.producer, plural(input.entries, 'entry', 'entries')].filter(Boolean);
    const name = `${ctx.multiInput ? `${i + 1} ` : ''}${ctx.clean(input.path)}`;
    lines.push(...labelled(i === 0 ? 'Input' + (ctx.multiInput ? 's' : '') : '', [`${name}  ${facts.join(', ')}`], ctx));
  });
  const range = report.summary.timeRange;
  if (range) {
    const span = Date.parse(range[1]) - Date.parse(range[0]);
    lines.push(...labelled('Time', [`${compactIso(range[0])} → ${compactIso(range[1])} (${humanDuration(span)})`], ctx));
  }
  const hosts = report.summary.hosts ?? [];
  if (hosts.length) {
    const shown = hosts.slice(0, TOP_HOSTS).map((h) => `${ctx.clean(h.host)} ${h.entries}`);
    if (hosts.length > TOP_HOSTS) shown.push(`+${hosts.length - TOP_HOSTS} more`);
    lines.push(...labelled('Hosts', shown, ctx));
  }
  const statuses = report.summary.statuses;
  if (statuses && Object.keys(statuses).length) lines.push(...labelled('Status', statusLabels(statuses), ctx));
  return lines;
}

function findings(all: readonly Finding[], ctx: Context): string[] {
  if (!all.length) return ['No findings.', ''];
  const severityWidth = Math.max(...all.map((f) => f.severity.length));
  const ruleWidth = Math.min(24, Math.max(...all.map((f) => f.rule.length)));
  const idWidth = Math.max(...all.map((f) => f.id.length));
  const lines: string[] = [];
  for (const group of GROUPS) {
    const members = all.filter((f) => f.severity === group.severity);
    if (!members.length) continue;
    lines.push(ctx.style(group.severity, `${group.heading} (${members.length})`));
    for (const f of members) lines.push(...findingLines(f, ctx, { severityWidth, ruleWidth, idWidth }));
    lines.push('');
  }
  return lines;
}

function findingLines(
  f: Finding,
  ctx: Context,
  widths: { severityWidth: number; ruleWidth: number; idWidth: number },
): string[] {
  const { style } = ctx;
  const refs = entryLabels(f.entries, ctx.multiInput, 'text', MAX_REFS).join(' ');
  const plainParts = [
    `  ${f.id.padEnd(widths.idWidth)}`,
    ` ${f.severity.padEnd(widths.severityWidth)}`,
    `  ${f.rule.padEnd(widths.ruleWidth)}`,
    refs ? `  ${refs}` : '',
  ];
  const prefixWidth = plainParts.join('').length + 2;
  const styledHead =
    style('accent', plainParts[0] ?? '') +
    style(f.severity, plainParts[1] ?? '') +
    (plainParts[2] ?? '') +
    style('muted', plainParts[3] ?? '');
  const message = ctx.clean(f.message || f.title).replace(/\s*\n\s*/g, ' ');
  const roomy = prefixWidth <= Math.floor(ctx.width * 0.6);
  if (roomy) {
    const wrapped = wrapWords(message, ctx.width - prefixWidth);
    return wrapped.map((line, i) => (i === 0 ? `${styledHead}  ` : ' '.repeat(prefixWidth)) + line);
  }
  const indent = 6;
  return [styledHead, ...wrapWords(message, ctx.width - indent).map((line) => ' '.repeat(indent) + line)];
}

function totals(report: Report): string {
  const { summary } = report;
  const parts = [
    verdict(summary.findings),
    plural(summary.entries, 'entry', 'entries'),
    plural(summary.tokens, 'token'),
    plural(report.warnings.length, 'run warning'),
  ];
  return parts.join(' · ');
}
