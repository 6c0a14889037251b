/** Title line, status bar and the prompt/message line around every view. */
import type { Report } from '../../model/index.js';
import { formatCount } from '../format/units.js';
import type { TuiProgress } from '../types.js';
import type { ViewName } from '../keys/bindings.js';
import { renderEdit } from '../state/line-edit.js';
import { DETAIL_TABS, type UiState } from '../state/ui-state.js';
import { printable } from '../text/sanitize.js';
import { fitLine, seg, type StyledLine } from '../text/styled.js';
import { SEVERITY_MARK } from '../theme.js';

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** What the title and status lines say while the trace is still loading. */
export function loadingText(progress: TuiProgress): string {
  if (progress.phase === 'analyzing') return 'analyzing…';
  return progress.totalBytes > 0 ? `reading ${Math.floor((100 * progress.bytesRead) / progress.totalBytes)}%` : 'reading…';
}

export function titleLine(report: Report, width: number, loading?: TuiProgress): StyledLine {
  const first = report.inputs[0];
  const names = first ? baseName(first.path) + (report.inputs.length > 1 ? ` +${report.inputs.length - 1}` : '') : 'trace';
  if (loading) {
    return fitLine(
      [seg('trace-audit', 'title'), seg(` ${printable(names)} · ${formatCount(loading.entries)} entries so far · `), seg(loadingText(loading), 'accent')],
      width,
    );
  }
  const f = report.summary.findings;
  return fitLine(
    [
      seg('trace-audit', 'title'),
      seg(` ${printable(names)} · ${formatCount(report.summary.entries)} entries · ${formatCount(report.summary.tokens)} tokens · `),
      seg(`${SEVERITY_MARK.error}${f.error}`, f.error > 0 ? 'error' : 'muted'),
      seg(' '),
      seg(`${SEVERITY_MARK.warning}${f.warning}`, f.warning > 0 ? 'warning' : 'muted'),
      seg(' '),
      seg(`${SEVERITY_MARK.info}${f.info}`, f.info > 0 ? 'info' : 'muted'),
    ],
    width,
  );
}

/** Key hints per view, most useful first; as many as fit are shown, "?:help" always. */
const HINTS: Record<ViewName, string[]> = {
  timeline: ['enter:open', 'f:filter', '/:search', 'F:findings', 'T:tokens', 'e:export', 'q:quit'],
  detail: ['tab/1-4:tabs', 'j/k:scroll', 'q:back'],
  findings: ['enter:jump', 'j/k:move', 'q:back'],
  tokens: ['enter:jump', 'j/k:move', 'q:back'],
  help: ['j/k:scroll', 'q:back'],
};

export function hintText(view: ViewName, room: number): string {
  const tail = view === 'help' ? [] : ['?:help'];
  const picked: string[] = [];
  for (const hint of HINTS[view]) {
    if ([...picked, hint, ...tail].join(' ').length > room) break;
    picked.push(hint);
  }
  const text = [...picked, ...tail].join(' ');
  return text.length <= room ? text : '';
}

export interface StatusInput {
  view: ViewName;
  state: UiState;
  visibleCount: number;
  totalCount: number;
  findingsCount: number;
  tokensCount: number;
  detailLabel: string;
  /** "1-18/45" when the detail content is longer than the pane. */
  detailRange: string;
  width: number;
  /** Set while the trace is still loading (the timeline shows what has been read). */
  loading?: TuiProgress;
}

export function statusLine(input: StatusInput): StyledLine {
  const { view, state } = input;
  let where: string;
  switch (view) {
    case 'timeline':
      where = `[timeline ${formatCount(input.visibleCount === 0 ? 0 : state.timeline.selected + 1)}/${formatCount(input.visibleCount)}${
        input.visibleCount !== input.totalCount ? ` of ${formatCount(input.totalCount)}` : ''
      }]`;
      break;
    case 'detail':
    {
      const tab = `${DETAIL_TABS[state.detail.tab]}${input.detailRange ? ` ${input.detailRange}` : ''}`;
      // The label gives way first, so the tab name and scroll position always show.
      const room = Math.max(10, input.width - tab.length - 6);
      const label = input.detailLabel.length > room ? `${input.detailLabel.slice(0, room - 1)}…` : input.detailLabel;
      where = `[${label} · ${tab}]`;
    }
      break;
    case 'findings':
      where = `[findings ${Math.min(state.findings.selected + 1, input.findingsCount)}/${input.findingsCount}]`;
      break;
    case 'tokens':
      where = `[tokens ${Math.min(state.tokens.selected + 1, input.tokensCount)}/${input.tokensCount}]`;
      break;
    case 'help':
      where = '[help]';
      break;
  }
  const line: StyledLine = [seg(where, 'accent')];
  const loading = input.loading ? ` ${loadingText(input.loading)}` : '';
  if (loading) line.push(seg(loading, 'muted'));
  if (state.filterText) line.push(seg(' filter: '), seg(printable(state.filterText), 'warning'));
  const used = where.length + loading.length + (state.filterText ? 9 + state.filterText.length : 0);
  const hints = hintText(view, input.width - used - 2);
  const gap = input.width - used - hints.length;
  if (hints && gap >= 2) line.push(seg(' '.repeat(gap)), seg(hints, 'muted'));
  return fitLine(line, input.width);
}

const PROMPT_LABEL = { filter: 'filter: ', search: 'search /', export: '' } as const;

/** The bottom line: the prompt being edited, else the last message, else nothing. */
export function bottomLine(state: UiState, width: number): StyledLine {
  const p = state.prompt;
  if (p) {
    let label: string = PROMPT_LABEL[p.kind];
    if (p.kind === 'export') label = p.exportKind === 'json' ? 'export [JSON] Markdown (tab) to: ' : 'export JSON [Markdown] (tab) to: ';
    const error = p.error ? `  ${printable(p.error)}` : '';
    const room = Math.max(8, width - label.length - error.length - 1);
    const { before, atCursor, after } = renderEdit(p.edit, room);
    return fitLine(
      [
        seg(label, 'accent'),
        seg(before),
        // The cursor is a visible character, so it also shows without colour or a real cursor.
        { text: atCursor === ' ' ? '_' : atCursor, selected: true },
        seg(after),
        seg(error, 'error'),
      ],
      width,
    );
  }
  if (state.message) return fitLine([seg(printable(state.message.text), state.message.tone === 'error' ? 'error' : 'info')], width);
  return fitLine([], width);
}
