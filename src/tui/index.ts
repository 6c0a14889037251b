/**
 * The interactive timeline. The CLI calls `runTui` with a loader (which reads
 * and analyzes the traces, reporting progress) and a lazy body reader; this
 * module only shows the finished Report and never analyzes anything itself.
 */
import { render } from 'ink';
import { createElement } from 'react';
import { App } from './components/App.js';
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
  const stdout = process.stdout;
  const useAltScreen = stdout.isTTY === true;
  let inAltScreen = false;
  const leave = () => {
    if (inAltScreen) {
      inAltScreen = false;
      stdout.write(LEAVE_ALT_SCREEN);
    }
  };
  if (useAltScreen) {
    stdout.write(ENTER_ALT_SCREEN);
    inAltScreen = true;
    // A crash or a signal must not leave the user on a blank alternate screen.
    process.once('exit', leave);
  }
  const instance = render(createElement(App, { options }), {
    stdout,
    exitOnCtrlC: true,
    patchConsole: true,
    incrementalRendering: true,
  });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    leave();
    process.off('exit', leave);
  }
}
