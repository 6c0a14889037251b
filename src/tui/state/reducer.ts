/** All state changes, as a pure function of (state, event). */
import type { ViewName } from '../keys/bindings.js';
import { type Motion, moveSelection, scrollText, windowTop } from '../layout/virtual-window.js';
import type { ExportKind } from '../types.js';
import { type EditKey, applyEditKey, editOf, insertText } from './line-edit.js';
import { DETAIL_TABS, type Message, type PromptKind, type UiState, currentView } from './ui-state.js';

export type UiEvent =
  /** Move in the current view; `count` items (or lines), `height` visible. */
  | { type: 'move'; motion: Motion; count: number; height: number }
  /** Scroll the details panel of the findings/tokens view. */
  | { type: 'scrollPanel'; motion: Motion; count: number; height: number }
  | { type: 'openDetail'; row: number; timelinePosition?: number; height: number }
  | { type: 'setTab'; tab: number }
  | { type: 'cycleTab'; delta: 1 | -1 }
  | { type: 'show'; view: Exclude<ViewName, 'timeline' | 'detail'> }
  | { type: 'back' }
  | { type: 'openPrompt'; kind: PromptKind; text: string; exportKind?: ExportKind }
  | { type: 'insert'; text: string }
  | { type: 'editKey'; key: EditKey }
  | { type: 'promptError'; error: string }
  | { type: 'closePrompt' }
  | { type: 'toggleExportKind'; defaultPath: (kind: ExportKind) => string }
  /** A new filter is in force; `selected` keeps the previously selected entry when it is still visible. */
  | { type: 'filterApplied'; text: string; selected: number; height: number }
  | { type: 'searchSet'; text: string }
  | { type: 'select'; position: number; height: number }
  | { type: 'message'; text: string; tone: Message['tone'] };

function move(state: UiState, motion: Motion, count: number, height: number): UiState {
  switch (currentView(state)) {
    case 'timeline':
      return { ...state, timeline: moveSelection(state.timeline, motion, count, height) };
    case 'findings':
      return { ...state, findings: moveSelection(state.findings, motion, count, height), panelScroll: 0 };
    case 'tokens':
      return { ...state, tokens: moveSelection(state.tokens, motion, count, height), panelScroll: 0 };
    case 'detail':
      return { ...state, detail: { ...state.detail, scroll: scrollText(state.detail.scroll, motion, count, height) } };
    case 'help':
      return { ...state, helpScroll: scrollText(state.helpScroll, motion, count, height) };
  }
}

function show(state: UiState, view: ViewName): UiState {
  const at = state.stack.indexOf(view);
  // Going to a view already in the history returns to it instead of stacking a copy.
  if (at >= 0) return { ...state, stack: state.stack.slice(0, at + 1) };
  return { ...state, stack: [...state.stack, view], helpScroll: view === 'help' ? 0 : state.helpScroll, panelScroll: 0 };
}

function updatePrompt(state: UiState, change: (p: NonNullable<UiState['prompt']>) => UiState['prompt']): UiState {
  return state.prompt ? { ...state, prompt: change(state.prompt) } : state;
}

function reduceEvent(state: UiState, event: UiEvent): UiState {
  switch (event.type) {
    case 'move':
      return move(state, event.motion, event.count, event.height);
    case 'scrollPanel':
      return { ...state, panelScroll: scrollText(state.panelScroll, event.motion, event.count, event.height) };
    case 'openDetail': {
      const next = show({ ...state, detail: { row: event.row, tab: state.detail.tab, scroll: 0 } }, 'detail');
      if (event.timelinePosition === undefined || event.timelinePosition < 0) return next;
      const selected = event.timelinePosition;
      return { ...next, timeline: { selected, top: windowTop(selected, state.timeline.top, event.height, Number.MAX_SAFE_INTEGER) } };
    }
    case 'setTab':
      return { ...state, detail: { ...state.detail, tab: event.tab, scroll: 0 } };
    case 'cycleTab': {
      const tab = (state.detail.tab + event.delta + DETAIL_TABS.length) % DETAIL_TABS.length;
      return { ...state, detail: { ...state.detail, tab, scroll: 0 } };
    }
    case 'show':
      if (currentView(state) === event.view && event.view === 'help') return reduceEvent(state, { type: 'back' });
      return show(state, event.view);
    case 'back':
      return state.stack.length > 1 ? { ...state, stack: state.stack.slice(0, -1) } : state;
    case 'openPrompt':
      return {
        ...state,
        prompt: { kind: event.kind, edit: editOf(event.text), exportKind: event.exportKind ?? 'json', pathEdited: false },
      };
    case 'insert':
      return updatePrompt(state, (p) => ({ ...p, edit: insertText(p.edit, event.text), error: undefined, pathEdited: true }));
    case 'editKey':
      return updatePrompt(state, (p) => ({ ...p, edit: applyEditKey(p.edit, event.key), error: undefined, pathEdited: true }));
    case 'promptError':
      return updatePrompt(state, (p) => ({ ...p, error: event.error }));
    case 'closePrompt':
      return { ...state, prompt: undefined };
    case 'toggleExportKind':
      return updatePrompt(state, (p) => {
        const exportKind: ExportKind = p.exportKind === 'json' ? 'markdown' : 'json';
        const edit = p.pathEdited ? p.edit : editOf(event.defaultPath(exportKind));
        return { ...p, exportKind, edit, error: undefined };
      });
    case 'filterApplied': {
      const selected = Math.max(0, event.selected);
      return {
        ...state,
        filterText: event.text,
        prompt: undefined,
        timeline: { selected, top: windowTop(selected, selected - Math.floor(event.height / 2), event.height, Number.MAX_SAFE_INTEGER) },
      };
    }
    case 'searchSet':
      return { ...state, searchText: event.text, prompt: undefined };
    case 'select':
      return { ...state, timeline: { selected: event.position, top: windowTop(event.position, state.timeline.top, event.height, Number.MAX_SAFE_INTEGER) } };
    case 'message':
      return { ...state, message: { text: event.text, tone: event.tone } };
  }
}

/** Any event but a message clears the last message: it stays until the next key, like mitmproxy's. */
export function reduce(state: UiState, event: UiEvent): UiState {
  const next = reduceEvent(state, event);
  return event.type === 'message' || !next.message ? next : { ...next, message: undefined };
}
