/** Mounts the app with Ink; loaded on demand by `runTui` (see index.ts). */
import { render } from 'ink';
import { createElement } from 'react';
import { App } from './components/App.js';
import type { TuiOptions } from './types.js';

export interface StartedApp {
  waitUntilExit(): Promise<unknown>;
  cleanup(): void;
}

export function startApp(options: TuiOptions): StartedApp {
  return render(createElement(App, { options }), {
    stdout: process.stdout,
    exitOnCtrlC: true,
    patchConsole: true,
    // Not `incrementalRendering`: in Ink 6.8 it misplaces a frame that is not the first by one row.
  });
}
