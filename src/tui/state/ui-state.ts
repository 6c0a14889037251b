/** Everything the screen remembers between key presses (plain data, no Ink). */
import type { ViewName } from '../keys/bindings.js';
import type { ListPosition } from '../layout/virtual-window.js';
import type { ExportKind } from '../types.js';
import type { LineEdit } from './line-edit.js';

export type PromptKind = 'filter' | 'search' | 'export';

export interface PromptState {
  kind: PromptKind;
  edit: LineEdit;
  /** Parse/compile error of the last submit, shown on the prompt line. */
  error?: string;
  exportKind: ExportKind;
  /** Once the user edits the export path, switching JSON/Markdown keeps it. */
  pathEdited: boolean;
}

export interface DetailState {
  /** Row in the full (unfiltered) timeline. */
  row: number;
  tab: number;
  scroll: number;
}

export interface Message {
  text: string;
  tone: 'info' | 'error';
}

export interface UiState {
  /** View history; the last is on screen, the first is always the timeline. */
  stack: ViewName[];
  timeline: ListPosition;
  findings: ListPosition;
  tokens: ListPosition;
  detail: DetailState;
  helpScroll: number;
  /** Scroll of the details panel under the findings/tokens lists. */
  panelScroll: number;
  filterText: string;
  searchText: string;
  prompt?: PromptState;
  message?: Message;
}

export const DETAIL_TABS = ['Request', 'Response', 'Tokens', 'Findings'] as const;

export function initialState(): UiState {
  return {
    stack: ['timeline'],
    timeline: { selected: 0, top: 0 },
    findings: { selected: 0, top: 0 },
    tokens: { selected: 0, top: 0 },
    detail: { row: 0, tab: 0, scroll: 0 },
    helpScroll: 0,
    panelScroll: 0,
    filterText: '',
    searchText: '',
  };
}

export function currentView(state: UiState): ViewName {
  return state.stack[state.stack.length - 1] ?? 'timeline';
}
