/**
 * The interactive timeline over a real analysis of a trace full of known
 * secrets (the same trace the CLI secret tests use, read by the HAR reader,
 * bodies read back lazily): every frame of every tab of every entry, the
 * findings and tokens views, paged to their ends, holds no secret.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { readBody } from '../../src/ingest/index.js';
import type { TuiData, TuiOptions } from '../../src/tui/index.js';
import { harOf } from '../helpers/har-writer.js';
import { secretTrace, type SecretTrace } from '../helpers/secret-trace.js';
import { KEYS, renderApp, waitFor, type Harness } from '../tui/harness.js';

afterEach(() => cleanup());

let trace: SecretTrace;
let data: TuiData;
let dir: string;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  trace = await secretTrace();
  dir = mkdtempSync(join(tmpdir(), 'trace-audit-tui-secrets-'));
  const file = join(dir, 'secrets.har');
  writeFileSync(file, harOf(trace.entries));
  const result = await analyze([file]);
  data = { report: result.report, entries: result.entries };
});

function options(showSecrets: boolean): TuiOptions {
  return {
    load: async () => data,
    readBody: (ref) => readBody(ref),
    showSecrets,
    exportReport: async (_kind, path) => path,
    defaultExportPath: () => '/tmp/never-written.json',
    noColor: true,
  };
}

/** Whole secrets, and for signatures every 16-character window: half a signature is still a leak. */
function leaksIn(frames: string[]): string[] {
  const text = frames.join('\n');
  // A value wrapped at the screen edge continues on the next line.
  const joined = frames.map((f) => f.replace(/\s*\n\s*/g, '')).join('\n');
  const found: string[] = [];
  for (const s of trace.secrets) if (text.includes(s) || joined.includes(s)) found.push(s.slice(0, 8));
  for (const sig of trace.signatures) {
    for (let at = 0; at + 16 <= sig.length; at += 8) {
      const piece = sig.slice(at, at + 16);
      if (text.includes(piece) || joined.includes(piece)) found.push(`signature …${piece}`);
    }
  }
  return found;
}

async function settle(h: Harness): Promise<void> {
  if (h.frame().includes('loading…')) await waitFor(() => !h.frame().includes('loading…'), 'a body');
}

/** Every tab of every entry, each paged to its end, then the findings and tokens views row by row. */
async function everyFrame(h: Harness, entries: number): Promise<string[]> {
  const frames = [h.frame()];
  for (let i = 0; i < entries; i++) {
    await h.press('g', ...Array<string>(i).fill('j'), KEYS.enter);
    for (const tab of ['1', '2', '3', '4']) {
      await h.press(tab);
      await settle(h);
      frames.push(h.frame());
      for (let page = 0; page < 6; page++) {
        await h.press(' ');
        frames.push(h.frame());
      }
    }
    await h.press('q');
  }
  for (const view of ['F', 'T']) {
    await h.press(view, 'g');
    for (let row = 0; row < 25; row++) {
      frames.push(h.frame());
      await h.press(' ');
      frames.push(h.frame());
      await h.press('j');
    }
    await h.press('q');
  }
  await h.press('?');
  frames.push(h.frame());
  return frames;
}

describe('the timeline over a trace full of secrets', () => {
  it('shows no secret on any screen', async () => {
    const h = await renderApp(options(false), { columns: 160, rows: 50 });
    const frames = await everyFrame(h, data.entries.length);
    expect(frames.length).toBeGreaterThan(data.entries.length * 28);
    expect(leaksIn(frames)).toEqual([]);
    // What the user came for is still there.
    expect(frames.join('\n')).toMatch(/\[jwt [0-9a-f]{12}\]/);
    expect(frames.join('\n')).toContain('[redacted]');
  }, 120_000);

  it('with showSecrets the same walk does show them (so the check above can fail)', async () => {
    const h = await renderApp(options(true), { columns: 160, rows: 50 });
    const frames = await everyFrame(h, data.entries.length);
    expect(leaksIn(frames).length).toBeGreaterThan(0);
  }, 120_000);
});
