/**
 * The interactive timeline. The CLI calls `runTui` with a loader (which reads
 * and analyzes the traces, reporting progress) and a lazy body reader; this
 * module only shows the finished Report and never analyzes anything itself.
 */
import type { TuiOptions } from './types.js';

export type { ExportKind, TuiData, TuiOptions, TuiProgress } from './types.js';

/** xterm's alternate screen (also tmux, the Linux console, Windows Terminal): the shell comes back untouched on exit. */
const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';

/**
 * Runs until the user quits; the terminal is restored in every case. When
 * `load` fails, its error is shown, then `runTui` rejects with that same error
 * (the caller prints its one-line message and exits with status 2).
 */
export async function runTui(options: TuiOptions): Promise<void> {
  // React's development build re-renders several times slower; a terminal app
  // run by users wants the production one. Set before React is first loaded,
  // which is why Ink and React are imported only here, on demand.
  process.env.NODE_ENV ??= 'production';
  const { startApp } = await importInkForTerminal();
  const stdout = process.stdout;
  let inAltScreen = false;
  const leave = () => {
    if (inAltScreen) {
      inAltScreen = false;
      stdout.write(LEAVE_ALT_SCREEN);
    }
  };
  if (stdout.isTTY === true) {
    stdout.write(ENTER_ALT_SCREEN);
    inAltScreen = true;
    // A crash or a signal must not leave the user on a blank alternate screen.
    process.once('exit', leave);
  }
  const app = startApp(options);
  try {
    await app.waitUntilExit();
  } finally {
    app.cleanup();
    leave();
    process.off('exit', leave);
  }
}

/**
 * Ink decides once, when it is first loaded, whether it runs "in CI" (a `CI`
 * variable is set) and then draws nothing until exit. The CLI only starts the
 * timeline on a real terminal, where a person is looking, so Ink is loaded
 * with those variables neutralised and they are put back right after.
 */
async function importInkForTerminal(): Promise<typeof import('./start.js')> {
  const names = ['CI', 'CONTINUOUS_INTEGRATION'] as const;
  const saved = names.map((n) => [n, process.env[n]] as const);
  for (const n of names) if (n in process.env) process.env[n] = 'false';
  try {
    return await import('./start.js');
  } finally {
    for (const [n, v] of saved) {
      if (v === undefined) delete process.env[n];
      else process.env[n] = v;
    }
  }
}
