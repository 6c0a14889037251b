/**
 * Column widths of the timeline for a terminal width. Fixed-width columns
 * come first; host and path share what is left. On narrow terminals the
 * least useful columns go first (duration, size, time) so the path stays readable.
 */

export type ColumnId = 'num' | 'offset' | 'method' | 'host' | 'path' | 'status' | 'size' | 'duration' | 'marks' | 'badges';

export interface Column {
  id: ColumnId;
  title: string;
  width: number;
  align: 'left' | 'right';
}

export interface ColumnLayout {
  columns: Column[];
  /** Total width including the selection marker and separators. */
  width: number;
}

export interface ColumnStats {
  /** Widest row number ("40", "100000", "1:17"). */
  numWidth: number;
  /** Widest time offset text. */
  offsetWidth: number;
  /** Widest host name. */
  hostWidth: number;
  /** Widest method (CONNECT and OPTIONS need 7; most traces only 4). */
  methodWidth?: number;
}

/** The first column holds the selection marker ">". */
export const MARKER_WIDTH = 1;
const MIN_PATH = 10;
const MIN_HOST = 6;

interface FixedSpec {
  id: ColumnId;
  title: string;
  width: number;
  align: 'left' | 'right';
  /** Lower drops first when space runs out; undefined never drops. */
  dropRank?: number;
}

function fixedColumns(stats: ColumnStats): FixedSpec[] {
  return [
    { id: 'num', title: '#', width: Math.max(2, stats.numWidth), align: 'right' },
    { id: 'offset', title: 'time', width: Math.max(5, stats.offsetWidth), align: 'right', dropRank: 3 },
    { id: 'method', title: 'meth', width: Math.min(7, Math.max(4, stats.methodWidth ?? 4)), align: 'left' },
    { id: 'status', title: 'sta', width: 3, align: 'right' },
    { id: 'size', title: 'size', width: 5, align: 'right', dropRank: 2 },
    { id: 'duration', title: 'dur', width: 5, align: 'right', dropRank: 1 },
    { id: 'marks', title: 'au', width: 2, align: 'left' },
    { id: 'badges', title: 'fnd', width: 3, align: 'left', dropRank: 4 },
  ];
}

const ORDER: ColumnId[] = ['num', 'offset', 'method', 'host', 'path', 'status', 'size', 'duration', 'marks', 'badges'];

export function computeLayout(width: number, stats: ColumnStats): ColumnLayout {
  let fixed = fixedColumns(stats);
  // Separators: one space before every column after the marker.
  const used = (cols: FixedSpec[]) => MARKER_WIDTH + cols.reduce((n, c) => n + c.width + 1, 0) + 2;
  const dropOrder = fixed.filter((c) => c.dropRank !== undefined).sort((a, b) => a.dropRank! - b.dropRank!);
  for (const victim of dropOrder) {
    if (width - used(fixed) >= MIN_HOST + MIN_PATH) break;
    fixed = fixed.filter((c) => c !== victim);
  }
  const flexible = Math.max(2, width - used(fixed));
  const host = Math.max(Math.min(MIN_HOST, flexible - 1), Math.min(stats.hostWidth, Math.floor(flexible * 0.45)));
  const path = Math.max(1, flexible - host);
  const byId = new Map<ColumnId, Column>(fixed.map((c) => [c.id, { id: c.id, title: c.title, width: c.width, align: c.align }]));
  byId.set('host', { id: 'host', title: 'host', width: host, align: 'left' });
  byId.set('path', { id: 'path', title: 'path', width: path, align: 'left' });
  const columns = ORDER.flatMap((id) => {
    const c = byId.get(id);
    return c ? [c] : [];
  });
  return { columns, width: MARKER_WIDTH + columns.reduce((n, c) => n + c.width + 1, 0) };
}

/** Pad or cut a cell to its width; cut text ends with "…" so truncation is visible. */
export function fitCell(text: string, width: number, align: 'left' | 'right'): string {
  if (text.length > width) return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
  return align === 'right' ? text.padStart(width) : text.padEnd(width);
}
