/** The analyzed trace on screen: one frame of title, view body, status bar and prompt line. */
import { useInput } from 'ink';
import { type ReactElement, useCallback, useMemo, useRef } from 'react';
import { BodyCache } from '../body/body-cache.js';
import { detailLines } from '../detail/detail-lines.js';
import { useBody } from '../hooks/use-body.js';
import { useStore } from '../hooks/use-store.js';
import { keyName } from '../keys/key-name.js';
import { cellsOf } from '../model/row-cells.js';
import { buildTimeline } from '../model/timeline.js';
import { VisibleRows } from '../model/visible-rows.js';
import { type ControllerContext, handleKey } from '../state/controller.js';
import { currentView } from '../state/ui-state.js';
import type { TuiData, TuiOptions, TuiProgress } from '../types.js';
import { bottomLine, statusLine, titleLine } from '../views/chrome-lines.js';
import { detailBody } from '../views/detail-screen.js';
import { detailLabel } from '../views/detail-label.js';
import { findingsBySeverity } from '../views/findings-model.js';
import { findingPanel, findingsBody, findingsLayout } from '../views/findings-screen.js';
import { frameSize, scrollRange } from '../views/frame.js';
import { allHelpLines, helpBody } from '../views/help-screen.js';
import { columnStats, timelineBody, timelineLayout } from '../views/timeline-screen.js';
import { tokenPanel, tokensBody, tokensLayout } from '../views/tokens-screen.js';
import { StyledLines } from './StyledLines.js';

export type ScreenOptions = Pick<TuiOptions, 'readBody' | 'showSecrets' | 'exportReport' | 'defaultExportPath'>;

export interface MainScreenProps {
  data: TuiData;
  options: ScreenOptions;
  columns: number | undefined;
  rows: number | undefined;
  onQuit: () => void;
  /** Set while the trace is still loading: `data` holds the entries read so far and no analysis. */
  loading?: TuiProgress | undefined;
}

export function MainScreen({ data, options, columns, rows, onQuit, loading }: MainScreenProps): ReactElement {
  const { showSecrets } = options;
  const pending = loading !== undefined;
  const model = useMemo(() => buildTimeline(data), [data]);
  const visibleRows = useMemo(() => new VisibleRows(model), [model]);
  const stats = useMemo(() => columnStats(model), [model]);
  const findings = useMemo(() => findingsBySeverity(model.report.findings), [model]);
  const tokens = model.report.tokens;
  const bodyCache = useMemo(() => new BodyCache(options.readBody), [options.readBody]);
  const { state, dispatch, current } = useStore();

  const size = frameSize(columns, rows);
  const layout = useMemo(() => timelineLayout(size.width, stats), [size.width, stats]);
  const view = currentView(state);
  const visible = visibleRows.rowsFor(state.filterText);
  const detailRow = model.rows[state.detail.row];
  const inDetail = view === 'detail' && detailRow !== undefined;
  const requestBody = useBody(detailRow?.entry.request.body, bodyCache, inDetail && state.detail.tab === 0);
  const responseBody = useBody(detailRow?.entry.response.body, bodyCache, inDetail && state.detail.tab === 1);
  const detail = useMemo(
    () =>
      inDetail
        ? detailLines(state.detail.tab, { row: detailRow, model, requestBody, responseBody, showSecrets, width: size.width })
        : [],
    [inDetail, detailRow, state.detail.tab, model, requestBody, responseBody, showSecrets, size.width],
  );

  const span = useMemo(() => ({ startMs: model.startMs, endMs: model.endMs }), [model]);
  const split = view === 'tokens' ? tokensLayout(tokens.length, size.body) : findingsLayout(findings.length, size.body);
  const panel = useMemo(() => {
    if (view === 'findings') return findingPanel(findings, state.findings.selected, size.width, showSecrets);
    if (view === 'tokens') return tokenPanel(tokens, findings, state.tokens.selected, size.width, showSecrets, span);
    return [];
  }, [view, findings, tokens, state.findings.selected, state.tokens.selected, size.width, showSecrets, span]);

  const metrics = {
    timelineHeight: size.body - 1,
    findingsHeight: findingsLayout(findings.length, size.body).listHeight,
    tokensHeight: tokensLayout(tokens.length, size.body).listHeight,
    paneHeight: size.body - 1,
    detailLineCount: detail.length,
    helpLineCount: allHelpLines().length,
    panelLineCount: panel.length,
    panelHeight: split.panelHeight,
  };
  // A report written while loading would miss everything analysis has not decided yet.
  const keyOptions = useMemo(() => (pending ? { ...options, exportReport: refuseExportWhileLoading } : options), [pending, options]);
  const base = { dispatch, model, visibleRows, findings, tokens, metrics, options: keyOptions, exit: onQuit };
  const baseRef = useRef(base);
  baseRef.current = base;
  const searchTextAt = useCallback((row: number) => cellsOf(model.rows[row]!, model, { showSecrets }).searchText, [model, showSecrets]);
  useInput((input, key) => {
    const context = (): ControllerContext => ({ ...baseRef.current, state: current(), searchTextAt });
    const name = keyName(input, key);
    // A held-down key (or fast typing) can arrive as one chunk "jjj": outside a prompt it is several key presses.
    if (name === input && input.length > 1 && !current().prompt) {
      for (const ch of input) handleKey(keyName(ch, {}), ch, context());
      return;
    }
    // Pasted or fast-typed text can end with the Enter in the same chunk ("~aadsts\r"): type, then submit.
    if (current().prompt && input.length > 1 && /[\r\n]/.test(input)) {
      const [line = ''] = input.split(/[\r\n]/);
      if (line) handleKey(keyName(line, {}), line, context());
      handleKey('enter', '\r', context());
      return;
    }
    handleKey(name, input, context());
  });

  let body;
  switch (view) {
    case 'timeline':
      body = timelineBody({ model, visible, position: state.timeline, height: size.body, width: size.width, layout, showSecrets, filterText: state.filterText });
      break;
    case 'detail':
      body = detailRow
        ? detailBody({ row: detailRow, tab: state.detail.tab, lines: detail, scroll: state.detail.scroll, height: size.body, width: size.width })
        : [];
      break;
    case 'findings':
      body = findingsBody({ findings, position: state.findings, height: size.body, width: size.width, panel, panelScroll: state.panelScroll, pending });
      break;
    case 'tokens':
      body = tokensBody({ tokens, position: state.tokens, height: size.body, width: size.width, span, panel, panelScroll: state.panelScroll, pending });
      break;
    case 'help':
      body = helpBody(state.helpScroll, size.body, size.width);
      break;
  }
  const status = statusLine({
    view,
    state,
    visibleCount: visible.length,
    totalCount: model.rows.length,
    findingsCount: findings.length,
    tokensCount: tokens.length,
    detailLabel: detailRow ? detailLabel(detailRow, model, showSecrets) : '',
    detailRange: scrollRange(state.detail.scroll, detail.length, metrics.paneHeight),
    width: size.width,
    ...(loading ? { loading } : {}),
  });
  return <StyledLines lines={[titleLine(model.report, size.width, loading), ...body, status, bottomLine(state, size.width)]} />;
}

function refuseExportWhileLoading(): Promise<string> {
  return Promise.reject(new Error('the trace is still loading; export when analysis has ended'));
}
