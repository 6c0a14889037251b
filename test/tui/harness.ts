/** Renders the real app with ink-testing-library and drives it with key presses. */
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { App } from '../../src/tui/components/App.js';
import type { TuiOptions } from '../../src/tui/index.js';

export const KEYS = {
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  shiftTab: '\u001b[Z',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  backspace: '\u007f',
  ctrlU: '\u0015',
} as const;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function waitFor(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  // Bounded by the timeout.
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface Harness {
  frame(): string;
  lines(): string[];
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  exits: (Error | undefined)[];
  stdout: { emit(event: string): boolean };
  unmount(): void;
}

/** `size: null` follows the (fake) output's size instead of a fixed 80×24. */
export async function renderApp(options: TuiOptions, size: { columns: number; rows: number } | null = { columns: 80, rows: 24 }): Promise<Harness> {
  const exits: (Error | undefined)[] = [];
  // createElement, not JSX: some tests load React's production build, which has no JSX dev runtime.
  const instance = render(createElement(App, { options, size: size ?? undefined, onExit: (e?: Error) => exits.push(e) }));
  const frame = () => instance.lastFrame() ?? '';
  await waitFor(() => frame().includes('[timeline') || exits.length > 0, 'the first timeline frame');
  // Input listeners attach in effects that run just after the first frame is drawn.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      instance.stdin.write(key);
      // Ink flushes a lone ESC on the next tick; React renders right after.
      await tick();
      await tick();
    }
  };
  return {
    frame,
    lines: () => frame().split('\n'),
    press,
    type: async (text: string) => press(...text.split('')),
    exits,
    stdout: instance.stdout,
    unmount: () => instance.unmount(),
  };
}
