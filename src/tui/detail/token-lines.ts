/**
 * A token as lines: what it is, where it was issued and sent, signature status,
 * time claims told relative to the request being viewed, header, claims, and
 * the findings that name it. Never the compact token (only with --show-secrets).
 */
import type { Finding, ReportToken } from '../../model/index.js';
import { redactText } from '../../report/redact.js';
import { describeClaim, isoSeconds, type TimeClaim } from '../format/human-time.js';
import { printable } from '../text/sanitize.js';
import { seg, type StyledLine, wrapStyled } from '../text/styled.js';
import type { StyleToken } from '../theme.js';
import { evidenceValue, findingHeadline, refLabel } from './finding-lines.js';

export interface TokenViewOptions {
  showSecrets: boolean;
  width: number;
  /** When viewing an entry: its start (times are told relative to it) and its ref. */
  requestMs?: number;
  here?: { input: number; index: number };
  /** Findings that name this token. */
  findings: Finding[];
}

export function signatureStyle(status: ReportToken['signature']): StyleToken {
  if (status === 'valid') return 'ok';
  if (status === 'invalid' || status === 'key-not-found') return 'error';
  return 'muted';
}

function clean(text: string, showSecrets: boolean): string {
  return printable(showSecrets ? text : redactText(text));
}

function audText(aud: ReportToken['aud']): string {
  return aud === undefined ? '-' : Array.isArray(aud) ? aud.join(', ') : aud;
}

export function tokenHeadline(t: ReportToken): StyledLine {
  const parts = [t.kind, t.format.toUpperCase()];
  if (t.alg) parts.push(t.alg);
  if (t.kid) parts.push(`kid ${t.kid}`);
  return [seg('Token ', 'heading'), seg(t.id, 'accent'), seg(` · ${printable(parts.join(' · '))}`)];
}

function placeLines(t: ReportToken, options: TokenViewOptions): StyledLine[] {
  const lines: StyledLine[] = [];
  const isHere = (r: { input: number; index: number }) => !!options.here && r.input === options.here.input && r.index === options.here.index;
  if (t.issuedAt) {
    const how = [t.issuedAt.where, t.issuedAt.field, t.issuedAt.grantType && `grant ${t.issuedAt.grantType}`].filter(Boolean).join(' ');
    lines.push([seg(`  issued ${isHere(t.issuedAt) ? 'here' : `at ${refLabel(t.issuedAt)}`}: `, 'muted'), seg(printable(how))]);
  }
  const uses = t.uses.filter((u) => !options.here || isHere(u));
  for (const u of uses.slice(0, 5)) {
    const where = [u.where, u.field].filter(Boolean).join(' ');
    const refused = u.status === 401 || u.status === 403 || u.status === 400;
    lines.push([
      seg(`  sent ${isHere(u) ? 'here' : `at ${refLabel(u)}`}: `, 'muted'),
      seg(`${printable(where)} to ${printable(u.host)} -> `),
      seg(String(u.status), refused ? 'error' : 'ok'),
    ]);
  }
  if (!options.here && t.uses.length > 5) lines.push([seg(`  … ${t.uses.length - 5} more uses`, 'muted')]);
  return lines;
}

function timeLines(t: ReportToken, options: TokenViewOptions): StyledLine[] {
  const lines: StyledLine[] = [];
  for (const claim of ['iat', 'nbf', 'exp'] as TimeClaim[]) {
    const value = t[claim];
    if (typeof value !== 'number') continue;
    const line: StyledLine = [seg(`  ${claim} `, 'accent'), seg(isoSeconds(value) ?? String(value))];
    if (options.requestMs !== undefined) {
      const text = describeClaim(claim, value, options.requestMs);
      line.push(seg(`  ${text}`, claim === 'exp' && text.startsWith('expired') ? 'error' : 'muted'));
    }
    lines.push(line);
  }
  if (t.iat !== undefined && t.exp !== undefined) {
    lines.push([seg(`  lifetime ${Math.round((t.exp - t.iat) / 60)} min`, 'muted')]);
  }
  return lines;
}

function objectLines(title: string, obj: Record<string, unknown> | undefined, options: TokenViewOptions): StyledLine[] {
  if (!obj || Object.keys(obj).length === 0) return [];
  const lines: StyledLine[] = [[seg(`  ${title}`, 'heading')]];
  for (const [key, value] of Object.entries(obj)) {
    const line: StyledLine = [seg(`    ${printable(key)}: `, 'accent'), seg(clean(evidenceValue(value), options.showSecrets))];
    lines.push(...wrapStyled(line, options.width, 6));
  }
  return lines;
}

export function tokenLines(t: ReportToken, options: TokenViewOptions): StyledLine[] {
  const lines: StyledLine[] = [tokenHeadline(t)];
  if (t.aud !== undefined || t.iss) {
    lines.push([seg(`  aud ${printable(audText(t.aud))}`), seg(t.iss ? ` · iss ${printable(t.iss)}` : '', 'muted')]);
  }
  lines.push(...placeLines(t, options));
  const detail = t.signatureDetail ? ` - ${clean(t.signatureDetail, options.showSecrets)}` : '';
  lines.push([seg('  signature: ', 'muted'), seg(t.signature, signatureStyle(t.signature)), seg(detail)]);
  lines.push(...timeLines(t, options));
  for (const p of t.problems ?? []) lines.push([seg('  problem: ', 'warning'), seg(clean(p, options.showSecrets))]);
  lines.push(...objectLines('header', t.header, options));
  lines.push(...objectLines('claims', t.claims, options));
  if (options.showSecrets && t.value) lines.push([seg('  value: ', 'warning'), seg(printable(t.value))]);
  if (options.findings.length > 0) {
    lines.push([seg('  findings naming it', 'heading')]);
    for (const f of options.findings) lines.push([seg('    '), ...findingHeadline(f)]);
  }
  return lines;
}
