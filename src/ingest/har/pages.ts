/** `log.pages` as `TraceInfo.pages`: id, title and start time of each page. */
import type { TraceInfo } from '../../model/index.js';
import { parseHarTime } from './iso-time.js';

export function readPages(v: unknown): TraceInfo['pages'] {
  if (!Array.isArray(v)) return undefined;
  const pages: NonNullable<TraceInfo['pages']> = [];
  for (const item of v) {
    if (typeof item !== 'object' || item === null) continue;
    const p = item as Record<string, unknown>;
    const startedAt = parseHarTime(p.startedDateTime);
    pages.push({
      id: typeof p.id === 'string' ? p.id : String(p.id ?? ''),
      title: typeof p.title === 'string' ? p.title : '',
      startedAt: Number.isNaN(startedAt) ? 0 : startedAt,
    });
  }
  return pages;
}
