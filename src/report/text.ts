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
import { wrapItems, wrapWords } from './wrap.js';

export interface TextOptions {
  color: boolean;
  /** Columns to wrap at; default 100. */
  width?: number;
}

const LABEL_WIDTH = 8;
const TOP_HOSTS = 8;
const MAX_REFS = 6;
/** Entry columns wider than this are not padded: one long list should not push every message right. */
const MAX_REFS_WIDTH = 16;
/** Narrower than this, a message column beside the heads wraps every few words. */
const MIN_MESSAGE_COLUMN = 40;
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
  const name = `trace-audit ${ctx.clean(report.tool.version)}`;
  const outcome = verdict(report.summary.findings);
  const lines: string[] =
    name.length + 3 + outcome.length <= ctx.width
      ? [`${style('accent', name)} · ${outcome}`, '']
      : [style('accent', name), outcome, ''];
  lines.push(...overview(report, ctx), '');
  lines.push(...findings(report.findings, ctx));
  lines.push(...wrapItems(totals(report), ' · ', ctx.width));
  return `${lines.join('\n')}\n`;
}

/** `label` then the value, continuation lines under the value. */
function labelled(label: string, items: string[], ctx: Context, separator = ' · '): string[] {
  const wrapped = wrapItems(items, separator, ctx.width - LABEL_WIDTH);
  return wrapped.map((line, i) => (i === 0 ? ctx.style('muted', label.padEnd(LABEL_WIDTH)) : ' '.repeat(LABEL_WIDTH)) + line);
}

function overview(report: Report, ctx: Context): string[] {
  const lines: string[] = [];
  report.inputs.forEach((input, i) => {
    const facts = [input.format.toUpperCase(), input.producer, plural(input.entries, 'entry', 'entries')].filter(Boolean);
    const name = `${ctx.multiInput ? `${i + 1} ` : ''}${ctx.clean(input.path)}`;
    lines.push(...labelled(i === 0 ? 'Input' + (ctx.multiInput ? 's' : '') : '', [`${name} (${facts.join(', ')})`], ctx));
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
  const refsWidth = Math.min(MAX_REFS_WIDTH, Math.max(...all.map((f) => refsOf(f, ctx).length)));
  const widths = { severityWidth, ruleWidth, idWidth, refsWidth };
  // One layout for the whole list: messages beside the heads only when every head leaves them room.
  const widestHead = Math.max(...all.map((f) => findingHead(f, ctx, widths, true).plain.length + 2));
  const beside = widestHead <= Math.floor(ctx.width * 0.45) && ctx.width - widestHead >= MIN_MESSAGE_COLUMN;
  const lines: string[] = [];
  for (const group of GROUPS) {
    const members = all.filter((f) => f.severity === group.severity);
    if (!members.length) continue;
    lines.push(ctx.style(group.severity, `${group.heading} (${members.length})`));
    for (const f of members) lines.push(...findingLines(f, ctx, widths, beside));
    lines.push('');
  }
  return lines;
}

function refsOf(f: Finding, ctx: Context): string {
  return entryLabels(f.entries, ctx.multiInput, 'text', MAX_REFS).join(' ');
}

type Widths = { severityWidth: number; ruleWidth: number; idWidth: number; refsWidth: number };

/** `  F3 error  token-expired  #41 #42`, padded into columns or (`aligned` false) not. */
function findingHead(f: Finding, ctx: Context, widths: Widths, aligned: boolean): { plain: string; styled: string } {
  const pad = (text: string, width: number) => (aligned ? text.padEnd(width) : text);
  const refs = refsOf(f, ctx);
  const parts = [
    `  ${pad(f.id, widths.idWidth)}`,
    ` ${pad(f.severity, widths.severityWidth)}`,
    `  ${pad(f.rule, widths.ruleWidth)}`,
    aligned ? (widths.refsWidth ? `  ${refs.padEnd(widths.refsWidth)}` : '') : refs ? `  ${refs}` : '',
  ] as const;
  const styled = ctx.style('accent', parts[0]) + ctx.style(f.severity, parts[1]) + parts[2] + ctx.style('muted', parts[3]);
  return { plain: parts.join(''), styled };
}

/** Message beside the head (`beside`, the heads in columns), otherwise on the following lines. */
function findingLines(f: Finding, ctx: Context, widths: Widths, beside: boolean): string[] {
  const message = ctx.clean(f.message || f.title).replace(/\s*\n\s*/g, ' ');
  const head = findingHead(f, ctx, widths, true);
  const prefixWidth = head.plain.length + 2;
  if (beside) {
    const wrapped = wrapWords(message, ctx.width - prefixWidth);
    return wrapped.map((line, i) => (i === 0 ? `${head.styled}  ` : ' '.repeat(prefixWidth)) + line);
  }
  const indent = 6;
  const compact = findingHead(f, ctx, widths, false);
  if (compact.plain.length <= ctx.width) {
    const lines = wrapWords(message, ctx.width - indent).map((line) => ' '.repeat(indent) + line);
    return [compact.styled, ...lines];
  }
  // Too narrow even for the head: entry numbers move down, in front of the message.
  const bare = findingHead({ ...f, entries: [] }, ctx, widths, false);
  const refs = refsOf(f, ctx);
  const lines = wrapWords(`${refs}  ${message}`, ctx.width - indent).map((line) => ' '.repeat(indent) + line);
  if (lines[0]) lines[0] = lines[0].replace(refs, ctx.style('muted', refs));
  return [bare.styled, ...lines];
}

function totals(report: Report): string[] {
  const { summary } = report;
  const parts = [
    verdict(summary.findings),
    plural(summary.entries, 'entry', 'entries'),
    plural(summary.tokens, 'token'),
    plural(report.warnings.length, 'run warning'),
  ];
  return parts;
}
