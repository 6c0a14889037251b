/**
 * Every key of the interactive timeline, as data: which key, in which view,
 * does what. Input handling looks actions up here and the `?` screen is
 * generated from it, so the two cannot drift apart. Habits follow mitmproxy's console.
 */

export type ViewName = 'timeline' | 'detail' | 'findings' | 'tokens' | 'help';
/** `prompt` bindings apply while a filter/search/export line is being edited. */
export type BindingScope = ViewName | 'global' | 'prompt';

export type Action =
  | 'quit'
  | 'back'
  | 'down'
  | 'up'
  | 'pageDown'
  | 'pageUp'
  | 'panelDown'
  | 'panelUp'
  | 'top'
  | 'bottom'
  | 'open'
  | 'nextTab'
  | 'prevTab'
  | 'tab1'
  | 'tab2'
  | 'tab3'
  | 'tab4'
  | 'filter'
  | 'search'
  | 'searchNext'
  | 'searchPrev'
  | 'findings'
  | 'tokens'
  | 'help'
  | 'export'
  | 'submit'
  | 'cancel'
  | 'toggleKind'
  | 'editLeft'
  | 'editRight'
  | 'editHome'
  | 'editEnd'
  | 'editBackspace'
  | 'editDelete'
  | 'editKillLine'
  | 'editKillWord';

export interface KeyBinding {
  keys: readonly string[];
  scopes: readonly BindingScope[];
  action: Action;
  help: string;
}

const SCROLLABLE: readonly BindingScope[] = ['timeline', 'findings', 'tokens', 'detail', 'help'];
const PAGED: readonly BindingScope[] = ['timeline', 'detail', 'help'];
const SPLIT: readonly BindingScope[] = ['findings', 'tokens'];
const SUBVIEWS: readonly BindingScope[] = ['detail', 'findings', 'tokens', 'help'];

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: ['j', 'down'], scopes: SCROLLABLE, action: 'down', help: 'next row / scroll down' },
  { keys: ['k', 'up'], scopes: SCROLLABLE, action: 'up', help: 'previous row / scroll up' },
  { keys: ['space', 'pagedown'], scopes: PAGED, action: 'pageDown', help: 'page down' },
  { keys: ['pageup'], scopes: PAGED, action: 'pageUp', help: 'page up' },
  { keys: ['space', 'pagedown'], scopes: SPLIT, action: 'panelDown', help: 'scroll the details under the list down' },
  { keys: ['pageup'], scopes: SPLIT, action: 'panelUp', help: 'scroll the details under the list up' },
  { keys: ['g', 'home'], scopes: SCROLLABLE, action: 'top', help: 'first row / top' },
  { keys: ['G', 'end'], scopes: SCROLLABLE, action: 'bottom', help: 'last row / bottom' },
  { keys: ['enter'], scopes: ['timeline'], action: 'open', help: 'open the entry detail' },
  { keys: ['enter'], scopes: ['findings'], action: 'open', help: 'jump to the first entry of the finding' },
  { keys: ['enter'], scopes: ['tokens'], action: 'open', help: 'jump to where the token was issued (or first sent)' },
  { keys: ['f'], scopes: ['timeline'], action: 'filter', help: 'filter entries (~ expressions; empty clears)' },
  { keys: ['/'], scopes: ['timeline'], action: 'search', help: 'search rows (regex over row text and URL)' },
  { keys: ['n'], scopes: ['timeline'], action: 'searchNext', help: 'next search match' },
  { keys: ['N'], scopes: ['timeline'], action: 'searchPrev', help: 'previous search match' },
  { keys: ['tab', 'l', 'right'], scopes: ['detail'], action: 'nextTab', help: 'next tab' },
  { keys: ['shift+tab', 'h', 'left'], scopes: ['detail'], action: 'prevTab', help: 'previous tab' },
  { keys: ['1'], scopes: ['detail'], action: 'tab1', help: 'Request tab' },
  { keys: ['2'], scopes: ['detail'], action: 'tab2', help: 'Response tab' },
  { keys: ['3'], scopes: ['detail'], action: 'tab3', help: 'Tokens tab' },
  { keys: ['4'], scopes: ['detail'], action: 'tab4', help: 'Findings tab' },
  { keys: ['q'], scopes: ['timeline'], action: 'quit', help: 'quit' },
  { keys: ['q', 'esc'], scopes: SUBVIEWS, action: 'back', help: 'back to the previous view' },
  { keys: ['F'], scopes: ['global'], action: 'findings', help: 'findings view' },
  { keys: ['T'], scopes: ['global'], action: 'tokens', help: 'tokens view' },
  { keys: ['e'], scopes: ['global'], action: 'export', help: 'export the report (JSON or Markdown)' },
  { keys: ['?'], scopes: ['global'], action: 'help', help: 'this help (again to close)' },
  { keys: ['ctrl+c'], scopes: ['global'], action: 'quit', help: 'quit from anywhere' },
  { keys: ['enter'], scopes: ['prompt'], action: 'submit', help: 'apply / write' },
  { keys: ['esc'], scopes: ['prompt'], action: 'cancel', help: 'cancel' },
  { keys: ['tab'], scopes: ['prompt'], action: 'toggleKind', help: 'export: switch JSON / Markdown' },
  { keys: ['left'], scopes: ['prompt'], action: 'editLeft', help: 'cursor left' },
  { keys: ['right'], scopes: ['prompt'], action: 'editRight', help: 'cursor right' },
  { keys: ['home', 'ctrl+a'], scopes: ['prompt'], action: 'editHome', help: 'start of line' },
  { keys: ['end', 'ctrl+e'], scopes: ['prompt'], action: 'editEnd', help: 'end of line' },
  { keys: ['backspace'], scopes: ['prompt'], action: 'editBackspace', help: 'delete before the cursor' },
  { keys: ['ctrl+d'], scopes: ['prompt'], action: 'editDelete', help: 'delete at the cursor' },
  { keys: ['ctrl+u'], scopes: ['prompt'], action: 'editKillLine', help: 'clear the line' },
  { keys: ['ctrl+w'], scopes: ['prompt'], action: 'editKillWord', help: 'delete the word before the cursor' },
];

/** The action bound to `key` in `scope`, falling back to global bindings (not while editing a prompt). */
export function resolveAction(scope: BindingScope, key: string): Action | undefined {
  for (const b of KEY_BINDINGS) if (b.scopes.includes(scope) && b.keys.includes(key)) return b.action;
  if (scope === 'prompt') return key === 'ctrl+c' ? 'quit' : undefined;
  for (const b of KEY_BINDINGS) if (b.scopes.includes('global') && b.keys.includes(key)) return b.action;
  return undefined;
}
