/** Request and Response tabs: first line, facts, headers (redacted), then the body. */
import type { Entry, Header } from '../../model/index.js';
import { redactHeader, redactUrl } from '../../report/redact.js';
import type { BodyContent } from '../body/body-content.js';
import { formatClock, formatDurationMs, formatOffset } from '../format/units.js';
import { statusStyle } from '../layout/row-format.js';
import { printable } from '../text/sanitize.js';
import { seg, type StyledLine } from '../text/styled.js';
import { bodyLines } from './body-lines.js';

export interface MessageOptions {
  showSecrets: boolean;
  /** Start of the timeline, for "+12.345" offsets. */
  startMs: number;
}

function headerSection(headers: readonly Header[], showSecrets: boolean): StyledLine[] {
  const lines: StyledLine[] = [[seg(`Headers (${headers.length})`, 'heading')]];
  for (const h of headers) {
    const value = showSecrets ? h.value : redactHeader(h.name, h.value);
    lines.push([seg(`  ${printable(h.name)}: `, 'accent'), seg(printable(value))]);
  }
  return lines;
}

function timingLine(timers: Record<string, number> | undefined): StyledLine[] {
  if (!timers) return [];
  const parts = Object.entries(timers)
    .filter(([, v]) => Number.isFinite(v) && v >= 0)
    .map(([k, v]) => `${printable(k)} ${formatDurationMs(v)}`);
  return parts.length > 0 ? [[seg('timings: ', 'muted'), seg(parts.join(', '), 'muted')]] : [];
}

/** Query parameters one per line, decoded (from the already redacted URL). */
function querySection(url: string): StyledLine[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  const params = [...new URLSearchParams(url.slice(q + 1, hash < 0 ? undefined : hash))];
  if (params.length === 0) return [];
  return [
    [],
    [seg(`Query (${params.length})`, 'heading')],
    ...params.map(([name, value]): StyledLine => [seg(`  ${printable(name)}: `, 'accent'), seg(printable(value))]),
  ];
}

export function requestLines(entry: Entry, body: BodyContent, options: MessageOptions): StyledLine[] {
  const req = entry.request;
  const shownUrl = options.showSecrets ? req.url : redactUrl(req.url);
  const url = printable(shownUrl);
  const facts = [
    printable(req.httpVersion || 'HTTP'),
    `${formatClock(entry.startedAt)} (+${formatOffset(entry.startedAt - options.startMs)})`,
    formatDurationMs(entry.durationMs),
  ];
  if (entry.serverIp) facts.push(`server ${printable(entry.serverIp)}`);
  facts.push(`${entry.source} ${entry.input > 0 ? `input ${entry.input} ` : ''}#${entry.index}`);
  return [
    [seg(printable(req.method), 'heading'), seg(' '), seg(url)],
    [seg(facts.join(' · '), 'muted')],
    ...timingLine(entry.timers),
    ...querySection(shownUrl),
    [],
    ...headerSection(req.headers, options.showSecrets),
    [],
    ...bodyLines(req.body, body, options),
  ];
}

export function responseLines(entry: Entry, body: BodyContent, options: MessageOptions): StyledLine[] {
  const res = entry.response;
  const lines: StyledLine[] = [];
  if (res.status === 0) {
    lines.push([seg('no response', 'error')]);
  } else {
    lines.push([
      seg(String(res.status), statusStyle(res.status)),
      seg(res.statusText ? ` ${printable(res.statusText)}` : ''),
      seg(` · ${printable(res.httpVersion || 'HTTP')} · ${formatDurationMs(entry.durationMs)}`, 'muted'),
    ]);
  }
  if (res.error) lines.push([seg('error: ', 'error'), seg(printable(res.error))]);
  if (res.redirectURL) {
    const target = options.showSecrets ? res.redirectURL : redactUrl(res.redirectURL);
    lines.push([seg('redirect: ', 'accent'), seg(printable(target))]);
  }
  lines.push([], ...headerSection(res.headers, options.showSecrets), [], ...bodyLines(res.body, body, options));
  return lines;
}
