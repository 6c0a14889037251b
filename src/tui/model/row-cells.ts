/**
 * The text of each timeline cell, computed once per row on first display and
 * kept on the row: scrolling through 100k entries formats only what is seen.
 */
import type { Severity } from '../../model/index.js';
import { SEVERITY_ORDER } from '../../model/index.js';
import { redactUrl } from '../../report/redact.js';
import { formatDurationMs, formatOffset, formatSize } from '../format/units.js';
import { printable } from '../text/sanitize.js';
import type { TimelineModel, TimelineRow } from './timeline.js';
import { abbreviateGuids, splitUrl } from './url-parts.js';

export interface AuthMarks {
  issued: boolean;
  sent: boolean;
  refused: boolean;
}

export interface RowCells {
  num: string;
  offset: string;
  method: string;
  host: string;
  path: string;
  status: string;
  statusCode: number;
  size: string;
  duration: string;
  marks: AuthMarks;
  /** Severities of the findings naming the entry, most severe first. */
  badges: Severity[];
  /** Row text plus full (display) URL, for `/` search. */
  searchText: string;
}

/** Statuses that mean "this credential was not accepted". */
const REFUSED = new Set([400, 401, 403]);

export interface CellOptions {
  showSecrets: boolean;
}

const cache = new WeakMap<TimelineRow, RowCells>();

export function displayUrl(url: string, showSecrets: boolean): string {
  return printable(showSecrets ? url : redactUrl(url));
}

function statusText(row: TimelineRow): string {
  const { status, error } = row.entry.response;
  if (status > 0) return String(status);
  return error ? 'ERR' : '---';
}

function authMarks(row: TimelineRow): AuthMarks {
  const auth = row.auth;
  if (!auth) return { issued: false, sent: false, refused: false };
  const refused = auth.sent.some((s) => REFUSED.has(s.use.status));
  return { issued: auth.issued.length > 0, sent: auth.sent.length > 0, refused };
}

function badgesOf(row: TimelineRow): Severity[] {
  const list = row.auth?.findings.map((f) => f.severity) ?? [];
  return list.sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]);
}

export function rowNumber(row: TimelineRow, multiInput: boolean): string {
  return multiInput ? `${row.entry.input}:${row.entry.index}` : String(row.entry.index);
}

export function cellsOf(row: TimelineRow, model: TimelineModel, options: CellOptions): RowCells {
  const cached = cache.get(row);
  if (cached) return cached;
  const e = row.entry;
  const url = displayUrl(e.request.url, options.showSecrets);
  const { host, path } = splitUrl(url);
  const cells: RowCells = {
    num: rowNumber(row, model.multiInput),
    offset: formatOffset(e.startedAt - model.startMs),
    method: printable(e.request.method),
    host,
    path: abbreviateGuids(path),
    status: statusText(row),
    statusCode: e.response.status,
    size: formatSize(e.response.body?.size ?? 0),
    duration: formatDurationMs(e.durationMs),
    marks: authMarks(row),
    badges: badgesOf(row),
    searchText: '',
  };
  cells.searchText = [cells.num, cells.offset, cells.method, url, cells.status, cells.size, cells.duration].join(' ');
  cache.set(row, cells);
  return cells;
}
