/**
 * Key handling: turns a key into state events and side effects (export,
 * quit). Plain TypeScript so it reads as one table-driven switch; the Ink
 * layer only forwards keys here.
 */
import type { Finding, ReportToken } from '../../model/index.js';
import { buildFilter } from '../filter/index.js';
import { type Action, resolveAction } from '../keys/bindings.js';
import type { Motion } from '../layout/virtual-window.js';
import { refKey, type TimelineModel } from '../model/timeline.js';
import { positionOf, type VisibleRows } from '../model/visible-rows.js';
import { compileSearch, findNext } from '../search/find.js';
import type { TuiOptions } from '../types.js';
import type { EditKey } from './line-edit.js';
import type { UiEvent } from './reducer.js';
import { type UiState, currentView } from './ui-state.js';

export interface ScreenMetrics {
  timelineHeight: number;
  findingsHeight: number;
  tokensHeight: number;
  paneHeight: number;
  detailLineCount: number;
  helpLineCount: number;
  /** Details panel under the findings/tokens list. */
  panelLineCount: number;
  panelHeight: number;
}

export interface ControllerContext {
  state: UiState;
  dispatch: (event: UiEvent) => void;
  model: TimelineModel;
  visibleRows: VisibleRows;
  findings: readonly Finding[];
  tokens: readonly ReportToken[];
  metrics: ScreenMetrics;
  options: Pick<TuiOptions, 'exportReport' | 'defaultExportPath'>;
  searchTextAt: (row: number) => string;
  exit: () => void;
}

const MOTIONS: Partial<Record<Action, Motion>> = {
  down: 'down',
  up: 'up',
  pageDown: 'pageDown',
  pageUp: 'pageUp',
  top: 'top',
  bottom: 'bottom',
};

const EDITS: Partial<Record<Action, EditKey>> = {
  editLeft: 'left',
  editRight: 'right',
  editHome: 'home',
  editEnd: 'end',
  editBackspace: 'backspace',
  editDelete: 'delete',
  editKillLine: 'killLine',
  editKillWord: 'killWord',
};

function oneLine(text: string): string {
  return text.split(/\r?\n/)[0]!.slice(0, 200);
}

function moveEvent(ctx: ControllerContext, motion: Motion): UiEvent {
  const { metrics, state } = ctx;
  switch (currentView(state)) {
    case 'timeline':
      return { type: 'move', motion, count: ctx.visibleRows.rowsFor(state.filterText).length, height: metrics.timelineHeight };
    case 'findings':
      return { type: 'move', motion, count: ctx.findings.length, height: metrics.findingsHeight };
    case 'tokens':
      return { type: 'move', motion, count: ctx.tokens.length, height: metrics.tokensHeight };
    case 'detail':
      return { type: 'move', motion, count: metrics.detailLineCount, height: metrics.paneHeight };
    case 'help':
      return { type: 'move', motion, count: metrics.helpLineCount, height: metrics.paneHeight + 1 };
  }
}

function jumpTo(ctx: ControllerContext, ref: { input: number; index: number } | undefined): void {
  const row = ref ? ctx.model.rowByKey.get(refKey(ref)) : undefined;
  if (row === undefined) {
    ctx.dispatch({ type: 'message', text: 'that entry is not in the trace', tone: 'error' });
    return;
  }
  const visible = ctx.visibleRows.rowsFor(ctx.state.filterText);
  ctx.dispatch({ type: 'openDetail', row, timelinePosition: positionOf(visible, row, true), height: ctx.metrics.timelineHeight });
}

function open(ctx: ControllerContext): void {
  const { state } = ctx;
  switch (currentView(state)) {
    case 'timeline': {
      const row = ctx.visibleRows.rowsFor(state.filterText)[state.timeline.selected];
      if (row !== undefined) ctx.dispatch({ type: 'openDetail', row, height: ctx.metrics.timelineHeight });
      return;
    }
    case 'findings':
      return jumpTo(ctx, ctx.findings[state.findings.selected]?.entries[0]);
    case 'tokens': {
      const t = ctx.tokens[state.tokens.selected];
      return jumpTo(ctx, t?.issuedAt ?? t?.uses[0]);
    }
    default:
  }
}

function search(ctx: ControllerContext, pattern: string, direction: 1 | -1, includeCurrent: boolean): void {
  const compiled = compileSearch(pattern);
  if (!compiled.ok) {
    ctx.dispatch({ type: 'message', text: compiled.error, tone: 'error' });
    return;
  }
  const visible = ctx.visibleRows.rowsFor(ctx.state.filterText);
  const from = ctx.state.timeline.selected - (includeCurrent ? direction : 0);
  const hit = findNext(visible.length, from, direction, compiled.regex, (p) => ctx.searchTextAt(visible[p]!));
  if (!hit) {
    ctx.dispatch({ type: 'message', text: `no match for /${oneLine(pattern)}/`, tone: 'error' });
    return;
  }
  ctx.dispatch({ type: 'select', position: hit.position, height: ctx.metrics.timelineHeight });
  if (hit.wrapped) ctx.dispatch({ type: 'message', text: 'search wrapped around', tone: 'info' });
}

function submitPrompt(ctx: ControllerContext): void {
  const prompt = ctx.state.prompt!;
  const text = prompt.edit.text.trim();
  if (prompt.kind === 'filter') {
    const built = text ? buildFilter(text) : undefined;
    if (built && !built.ok) return ctx.dispatch({ type: 'promptError', error: built.error });
    const oldVisible = ctx.visibleRows.rowsFor(ctx.state.filterText);
    const currentRow = oldVisible[ctx.state.timeline.selected] ?? 0;
    const selected = Math.max(0, positionOf(ctx.visibleRows.rowsFor(text), currentRow));
    ctx.dispatch({ type: 'filterApplied', text, selected, height: ctx.metrics.timelineHeight });
    return;
  }
  if (prompt.kind === 'search') {
    const compiled = compileSearch(text);
    if (!compiled.ok) return ctx.dispatch({ type: 'promptError', error: compiled.error });
    ctx.dispatch({ type: 'searchSet', text });
    return search(ctx, text, 1, true);
  }
  if (!text) return ctx.dispatch({ type: 'promptError', error: 'a file path is needed' });
  const kind = prompt.exportKind;
  const label = kind === 'json' ? 'JSON' : 'Markdown';
  ctx.dispatch({ type: 'closePrompt' });
  ctx.dispatch({ type: 'message', text: `writing ${label} report…`, tone: 'info' });
  ctx.options.exportReport(kind, text).then(
    (written) => ctx.dispatch({ type: 'message', text: `wrote ${label} report to ${oneLine(written)}`, tone: 'info' }),
    (err: unknown) =>
      ctx.dispatch({ type: 'message', text: `export failed: ${oneLine(err instanceof Error ? err.message : String(err))}`, tone: 'error' }),
  );
}

function handlePromptKey(name: string, input: string, ctx: ControllerContext): void {
  const action = resolveAction('prompt', name);
  const edit = action ? EDITS[action] : undefined;
  if (edit) return ctx.dispatch({ type: 'editKey', key: edit });
  switch (action) {
    case 'submit':
      return submitPrompt(ctx);
    case 'cancel':
      return ctx.dispatch({ type: 'closePrompt' });
    case 'toggleKind':
      if (ctx.state.prompt?.kind === 'export') ctx.dispatch({ type: 'toggleExportKind', defaultPath: ctx.options.defaultExportPath });
      return;
    case 'quit':
      return ctx.exit();
    default:
      if (input && !name.startsWith('ctrl+')) ctx.dispatch({ type: 'insert', text: name === 'space' ? ' ' : input });
  }
}

export function handleKey(name: string, input: string, ctx: ControllerContext): void {
  if (ctx.state.prompt) return handlePromptKey(name, input, ctx);
  const view = currentView(ctx.state);
  const action = resolveAction(view, name);
  if (!action) return;
  const motion = MOTIONS[action];
  if (motion) return ctx.dispatch(moveEvent(ctx, motion));
  switch (action) {
    case 'panelDown':
    case 'panelUp': {
      const { panelLineCount, panelHeight } = ctx.metrics;
      return ctx.dispatch({ type: 'scrollPanel', motion: action === 'panelDown' ? 'pageDown' : 'pageUp', count: panelLineCount, height: panelHeight });
    }
    case 'quit':
      return ctx.exit();
    case 'back':
      return ctx.dispatch({ type: 'back' });
    case 'open':
      return open(ctx);
    case 'nextTab':
    case 'prevTab':
      return ctx.dispatch({ type: 'cycleTab', delta: action === 'nextTab' ? 1 : -1 });
    case 'tab1':
    case 'tab2':
    case 'tab3':
    case 'tab4':
      return ctx.dispatch({ type: 'setTab', tab: Number(action.slice(3)) - 1 });
    case 'filter':
      return ctx.dispatch({ type: 'openPrompt', kind: 'filter', text: ctx.state.filterText });
    case 'search':
      return ctx.dispatch({ type: 'openPrompt', kind: 'search', text: ctx.state.searchText });
    case 'searchNext':
    case 'searchPrev':
      if (!ctx.state.searchText) return ctx.dispatch({ type: 'message', text: 'nothing to repeat: search with / first', tone: 'info' });
      return search(ctx, ctx.state.searchText, action === 'searchNext' ? 1 : -1, false);
    case 'findings':
    case 'tokens':
    case 'help':
      return ctx.dispatch({ type: 'show', view: action });
    case 'export':
      return ctx.dispatch({ type: 'openPrompt', kind: 'export', text: ctx.options.defaultExportPath('json'), exportKind: 'json' });
    default:
  }
}
