/** The `?` screen, generated from the binding table and the filter definitions. */
import { FILTERS, FILTER_OPERATORS } from '../filter/index.js';
import { seg, type StyledLine } from '../text/styled.js';
import { type BindingScope, KEY_BINDINGS } from './bindings.js';

const KEY_LABELS: Record<string, string> = {
  down: 'Down',
  up: 'Up',
  left: 'Left',
  right: 'Right',
  pagedown: 'PgDn',
  pageup: 'PgUp',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  esc: 'Esc',
  space: 'Space',
  tab: 'Tab',
  'shift+tab': 'Shift-Tab',
  backspace: 'Backspace',
};

export function keyLabel(key: string): string {
  if (KEY_LABELS[key]) return KEY_LABELS[key]!;
  if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5).toUpperCase()}`;
  return key;
}

const SCOPE_LABELS: Record<string, string> = {
  global: 'Anywhere',
  timeline: 'Timeline',
  detail: 'Entry detail',
  findings: 'Findings view',
  tokens: 'Tokens view',
  help: 'Help',
  prompt: 'While typing in a prompt (filter, search, export)',
  'timeline,findings,tokens,detail,help': 'Moving (every list and pane)',
  'timeline,detail,help': 'Paging (timeline, detail, help)',
  'findings,tokens': 'Findings and tokens views',
  'detail,findings,tokens,help': 'Every view but the timeline',
};

function scopeLabel(scopes: readonly BindingScope[]): string {
  return SCOPE_LABELS[scopes.join(',')] ?? scopes.join(', ');
}

/** One key per binding group, grouped by the views the keys work in (table order). */
export function keyHelpLines(): StyledLine[] {
  const groups = new Map<string, { label: string; rows: [string, string][] }>();
  for (const b of KEY_BINDINGS) {
    const id = b.scopes.join(',');
    let group = groups.get(id);
    if (!group) {
      group = { label: scopeLabel(b.scopes), rows: [] };
      groups.set(id, group);
    }
    group.rows.push([b.keys.map(keyLabel).join(', '), b.help]);
  }
  const lines: StyledLine[] = [];
  for (const group of groups.values()) {
    if (lines.length > 0) lines.push([]);
    lines.push([seg(group.label, 'heading')]);
    for (const [keys, help] of group.rows) lines.push([seg(`  ${keys.padEnd(18)} `, 'accent'), seg(help)]);
  }
  return lines;
}

export function filterHelpLines(): StyledLine[] {
  const lines: StyledLine[] = [[seg('Filter expressions (f)', 'heading')]];
  for (const f of FILTERS) lines.push([seg(`  ${f.usage.padEnd(18)} `, 'accent'), seg(f.help)]);
  for (const op of FILTER_OPERATORS) lines.push([seg(`  ${op.usage.padEnd(18)} `, 'accent'), seg(op.help)]);
  lines.push([seg('  Regexes are case-insensitive; quote values with spaces or ( ) ~: ~h "x-ms-.*: 1"', 'muted')]);
  lines.push([seg('  ~b only sees body text held in memory (small bodies, fragments of large ones).', 'muted')]);
  return lines;
}

export function helpLines(): StyledLine[] {
  return [...keyHelpLines(), [], ...filterHelpLines()];
}
