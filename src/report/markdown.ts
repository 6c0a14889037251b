/**
 * `--markdown`: a summary to paste into a GitHub issue or an Azure DevOps work
 * item. Findings come first because that is what the ticket is about; tokens,
 * inputs and run warnings follow as reference tables.
 */
import type { Finding } from '../model/finding.js';
import { SEVERITY_ORDER } from '../model/finding.js';
import type { Report, ReportToken } from '../model/report.js';
import { compactIso, entryLabel, entryLabels, isoFromSeconds, plural, shortenIssuer, verdict } from './display.js';
import { evidenceRows, type EvidenceContext } from './markdown-evidence.js';
import { mdCell, mdCode, mdHeading, mdTable, mdText } from './markdown-escape.js';
import { createTextCleaner, showsSecrets } from './safe-text.js';

const MAX_TITLE_INPUTS = 3;
const MAX_USES = 8;
const MAX_WARNINGS = 50;

function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

function titleLine(report: Report, ctx: EvidenceContext): string {
  const names = report.inputs.slice(0, MAX_TITLE_INPUTS).map((i) => ctx.clean(baseName(i.path)));
  if (report.inputs.length > MAX_TITLE_INPUTS) names.push(`+${report.inputs.length - MAX_TITLE_INPUTS} more`);
  const subject = names.length ? names.join(', ') : 'no input';
  return `# trace-audit: ${mdHeading(subject)} — ${verdict(report.summary.findings)}`;
}

function aboutLine(report: Report): string {
  const { summary } = report;
  const parts = [plural(summary.entries, 'entry', 'entries'), plural(summary.tokens, 'token')];
  if (summary.timeRange) parts.push(`${compactIso(summary.timeRange[0])} → ${compactIso(summary.timeRange[1])}`);
  parts.push(`trace-audit ${mdCell(report.tool.version)}`, `report ${compactIso(report.generatedAt)}`);
  return parts.join(' · ');
}

function findingSection(f: Finding, ctx: EvidenceContext): string[] {
  const head = `${f.id} · ${f.severity} · ${f.rule}`;
  const lines = [`### ${mdHeading(head)} — ${mdHeading(ctx.clean(f.title))}`, ''];
  if (f.message) lines.push(mdText(ctx.clean(f.message)), '');
  const rows = evidenceRows(f, ctx);
  if (rows.length) lines.push(...mdTable(['key', 'value'], rows), '');
  if (f.advice) {
    const advice = mdText(ctx.clean(f.advice)).split('\n');
    lines.push(`> **What to do:** ${advice[0] ?? ''}`, ...advice.slice(1).map((l) => `> ${l}`), '');
  }
  return lines;
}

function findingsSection(report: Report, ctx: EvidenceContext): string[] {
  const lines = ['## Findings', ''];
  if (!report.findings.length) return [...lines, 'No findings.', ''];
  // Severity first, then the engine's numbering (F2 before F10).
  const ordered = [...report.findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      Number(a.id.slice(1)) - Number(b.id.slice(1)) ||
      a.id.localeCompare(b.id),
  );
  for (const f of ordered) lines.push(...findingSection(f, ctx));
  return lines;
}

function audienceText(aud: ReportToken['aud']): string {
  if (aud === undefined) return '';
  return Array.isArray(aud) ? aud.join(', ') : aud;
}

function tokenRow(t: ReportToken, ctx: EvidenceContext): string[] {
  const uses = t.uses.map((u) => `${entryLabel(u, ctx.multiInput, 'markdown')} (${u.status})`);
  const shownUses = uses.slice(0, MAX_USES);
  if (uses.length > MAX_USES) shownUses.push(`+${uses.length - MAX_USES} more`);
  return [
    mdCode(t.id),
    mdCell(t.kind),
    mdCell(ctx.clean(t.alg ?? '')),
    mdCell(ctx.clean(t.kid ?? '')),
    mdCell(ctx.clean(t.iss ? shortenIssuer(t.iss) : '')),
    mdCell(ctx.clean(audienceText(t.aud))),
    mdCell(typeof t.exp === 'number' ? isoFromSeconds(t.exp) : ''),
    mdCell(t.signature),
    mdCell(t.issuedAt ? entryLabel(t.issuedAt, ctx.multiInput, 'markdown') : ''),
    mdCell(shownUses.join(', ')),
  ];
}

function tokensSection(report: Report, ctx: EvidenceContext): string[] {
  const lines = ['## Tokens', ''];
  if (!report.tokens.length) return [...lines, 'No tokens found.', ''];
  const header = ['id', 'kind', 'alg', 'kid', 'iss', 'aud', 'exp', 'signature', 'issued at', 'uses'];
  return [...lines, ...mdTable(header, report.tokens.map((t) => tokenRow(t, ctx))), ''];
}

function inputsSection(report: Report, ctx: EvidenceContext): string[] {
  const rows = report.inputs.map((input, i) => [
    String(i + 1),
    mdCell(ctx.clean(baseName(input.path))),
    input.format.toUpperCase(),
    mdCell(ctx.clean(input.producer ?? '')),
    String(input.entries),
    mdCode(input.sha256.slice(0, 12)),
  ]);
  return ['## Inputs', '', ...mdTable(['#', 'file', 'format', 'producer', 'entries', 'sha256'], rows), ''];
}

function warningsSection(report: Report, ctx: EvidenceContext): string[] {
  if (!report.warnings.length) return [];
  const lines = ['## Run warnings', ''];
  for (const w of report.warnings.slice(0, MAX_WARNINGS)) {
    const refs = entryLabels(w.entries, ctx.multiInput, 'markdown', 10);
    const where = refs.length ? ` (${refs.join(', ')})` : '';
    lines.push(`- ${mdCode(ctx.clean(w.code))} ${mdText(ctx.clean(w.message)).replace(/\n/g, ' ')}${where}`);
  }
  if (report.warnings.length > MAX_WARNINGS) lines.push(`- … and ${report.warnings.length - MAX_WARNINGS} more`);
  return [...lines, ''];
}

export function formatMarkdown(report: Report): string {
  const ctx: EvidenceContext = {
    clean: createTextCleaner(showsSecrets(report.settings)),
    multiInput: report.inputs.length > 1,
  };
  const lines = [
    titleLine(report, ctx),
    '',
    aboutLine(report),
    '',
    ...findingsSection(report, ctx),
    ...tokensSection(report, ctx),
    ...inputsSection(report, ctx),
    ...warningsSection(report, ctx),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
