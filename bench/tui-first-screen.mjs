#!/usr/bin/env node
/**
 * Time to the interactive timeline's first screen: the real app (dist/tui) with
 * the real loader (analyze) rendered into a fake 120×40 terminal. Prints
 * {"entries", "loadedMs", "firstScreenMs", "afterLoadMs"}: milliseconds since the
 * process started, so they compare with the wall time of the other runners.
 */
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { App } from '../dist/tui/components/App.js';
import { analyze } from '../dist/engine/index.js';
import { readBody } from '../dist/ingest/index.js';

/** The timeline's status line; the loading screen never shows it. */
const TIMELINE_MARK = '[timeline';
const GIVE_UP_MS = 10 * 60_000;

const path = process.argv[2];
let loadedMs;
let entries = 0;
const options = {
  async load() {
    const result = await analyze([path]);
    entries = result.entries.length;
    loadedMs = performance.now();
    return { report: result.report, entries: result.entries };
  },
  readBody: (ref) => readBody(ref, {}),
  showSecrets: false,
  noColor: true,
  exportReport: async (_kind, p) => p,
  defaultExportPath: (kind) => `report.${kind}`,
};

let failure;
const app = render(createElement(App, { options, size: { columns: 120, rows: 40 }, onExit: (e) => (failure = e ?? new Error('app exited')) }));
const until = performance.now() + GIVE_UP_MS;
// Polls the fake terminal; bounded by GIVE_UP_MS.
while (!(loadedMs !== undefined && (app.lastFrame() ?? '').includes(TIMELINE_MARK)) && !failure) {
  if (performance.now() > until) throw new Error('no timeline screen within the time limit');
  await new Promise((resolve) => setTimeout(resolve, 2));
}
const firstScreenMs = performance.now();
app.unmount();
if (failure) throw failure;
process.stdout.write(JSON.stringify({ entries, loadedMs: Math.round(loadedMs), firstScreenMs: Math.round(firstScreenMs), afterLoadMs: Math.round(firstScreenMs - loadedMs) }) + '\n');
process.exit(0);
