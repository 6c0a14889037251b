/** Loading screen until `load` settles, then the timeline; a load error is shown, then the app exits. */
import { useApp } from 'ink';
import { type ReactElement, useEffect, useRef, useState } from 'react';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { type Theme, themeFor } from '../theme.js';
import { provisionalReport } from '../model/provisional-report.js';
import type { TuiData, TuiOptions, TuiProgress } from '../types.js';
import { frameSize } from '../views/frame.js';
import { failureLines, loadingLines } from '../views/loading-screen.js';
import { MainScreen } from './MainScreen.js';
import { StyledLines } from './StyledLines.js';
import { ThemeContext } from './theme-context.js';

/** Progress redraws at most this often: a 1 GB read reports thousands of times. */
const PROGRESS_INTERVAL_MS = 100;
/**
 * The timeline of entries read so far is rebuilt at most this often (the progress text
 * in its title and status line follows every redraw): sorting and laying out tens of
 * thousands of rows takes the reading thread's time.
 */
const PARTIAL_INTERVAL_MS = 1000;

export interface AppProps {
  options: TuiOptions;
  /** Fixed size (tests); otherwise the output's size, following resizes. */
  size?: { columns: number; rows: number };
  /** Called on quit (undefined) or load failure (the error). Defaults to Ink's exit. */
  onExit?: (error?: Error) => void;
}

type Phase =
  | { kind: 'loading'; progress?: TuiProgress; partial?: TuiData }
  | { kind: 'ready'; data: TuiData }
  | { kind: 'failed'; error: Error };

export function App({ options, size, onExit }: AppProps): ReactElement {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const columns = size?.columns ?? terminal.columns;
  const rows = size?.rows ?? terminal.rows;
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const theme: Theme = themeFor(options.noColor);
  const lastProgress = useRef(0);
  const partial = useRef<{ at: number; data: TuiData } | undefined>(undefined);
  const finish = (error?: Error) => (onExit ? onExit(error) : exit(error));

  useEffect(() => {
    let live = true;
    const onProgress = (progress: TuiProgress) => {
      const now = Date.now();
      if (!live || (now - lastProgress.current < PROGRESS_INTERVAL_MS && progress.phase === 'reading')) return;
      lastProgress.current = now;
      // Entries read so far become a timeline at once; analysis fills in tokens and findings at the end.
      const read = progress.partial;
      if (read?.length && (!partial.current || now - partial.current.at >= PARTIAL_INTERVAL_MS || progress.phase === 'analyzing')) {
        partial.current = { at: now, data: { report: provisionalReport(read.length, options.inputNames ?? []), entries: [...read] } };
      }
      setPhase({ kind: 'loading', progress, ...(partial.current ? { partial: partial.current.data } : {}) });
    };
    options.load(onProgress).then(
      (data) => live && setPhase({ kind: 'ready', data }),
      (err: unknown) => live && setPhase({ kind: 'failed', error: err instanceof Error ? err : new Error(String(err)) }),
    );
    return () => {
      live = false;
    };
    // Loading runs once per mounted app.
  }, []);

  useEffect(() => {
    // Exit after the failure frame has been drawn.
    if (phase.kind === 'failed') setImmediate(() => finish(phase.error));
  }, [phase]);

  const frame = frameSize(columns, rows);
  let content: ReactElement;
  if (phase.kind === 'ready') {
    content = <MainScreen data={phase.data} options={options} columns={columns} rows={rows} onQuit={() => finish()} />;
  } else if (phase.kind === 'loading' && phase.partial) {
    // Same element type and place as the finished timeline: selection and filter carry over.
    content = <MainScreen data={phase.partial} options={options} columns={columns} rows={rows} onQuit={() => finish()} loading={phase.progress} />;
  } else if (phase.kind === 'failed') {
    content = <StyledLines lines={failureLines(phase.error.message, frame.width, frame.height)} />;
  } else {
    content = <StyledLines lines={loadingLines(phase.progress, frame.width, frame.height)} />;
  }
  return <ThemeContext.Provider value={theme}>{content}</ThemeContext.Provider>;
}
