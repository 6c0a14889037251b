import { cellsOf } from '../model/row-cells.js';
import type { TimelineModel, TimelineRow } from '../model/timeline.js';

/** "#23 GET api.contoso.com/orders 401" for the status bar of the detail view. */
export function detailLabel(row: TimelineRow, model: TimelineModel, showSecrets: boolean): string {
  const c = cellsOf(row, model, { showSecrets });
  return `#${c.num} ${c.method} ${c.host}${c.path.length > 30 ? `${c.path.slice(0, 29)}…` : c.path} ${c.status}`;
}
