import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { immediateContent } from '../../src/tui/body/body-cache.js';
import { detailLines } from '../../src/tui/detail/detail-lines.js';
import { tokenLines } from '../../src/tui/detail/token-lines.js';
import { findingLines } from '../../src/tui/detail/finding-lines.js';
import { buildTimeline } from '../../src/tui/model/timeline.js';
import { lineText } from '../../src/tui/text/styled.js';
import { columnStats, timelineBody, timelineLayout } from '../../src/tui/views/timeline-screen.js';
import type { BodyRef } from '../../src/model/index.js';
import type { BodyContent } from '../../src/tui/body/body-content.js';
import { AT1, AT2, COOKIE_VALUE, fixtureOptions, LAZY_BODIES, makeSignInData, RT1, SECRETS } from './fixtures.js';
import { KEYS, renderApp, waitFor, type Harness } from './harness.js';

afterEach(() => cleanup());

const MARKERS = ['RT1SECRETVALUE', 'RT2SECRETVALUE', 'CODESECRETVALUE', 'COOKIESECRETVALUE', 'Pa55word', AT1.slice(-40), AT2.slice(-40)];

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text.includes(secret), `a secret (${secret.length} chars) leaked`).toBe(false);
  // Distinctive parts too: half a token is still a leak.
  for (const marker of MARKERS) expect(text.includes(marker), marker).toBe(false);
}

function loaded(ref: BodyRef | undefined): BodyContent {
  const now = immediateContent(ref);
  if (now) return now;
  const loc = ref!.location!;
  return { kind: 'bytes', bytes: LAZY_BODIES.get(loc.kind === 'saz-member' ? loc.member : '')! };
}

describe('every piece of screen text, built for every entry', () => {
  test('no tab of any entry, no row, finding or token shows a secret', () => {
    const model = buildTimeline(makeSignInData());
    const out: string[] = [];
    const layout = timelineLayout(200, columnStats(model));
    const all = timelineBody({ model, visible: Int32Array.from(model.rows.keys()), position: { selected: 0, top: 0 }, height: 50, width: 200, layout, showSecrets: false, filterText: '' });
    out.push(...all.map(lineText));
    for (const row of model.rows) {
      for (let tab = 0; tab < 4; tab++) {
        const ctx = { row, model, requestBody: loaded(row.entry.request.body), responseBody: loaded(row.entry.response.body), showSecrets: false, width: 200 };
        out.push(...detailLines(tab, ctx).map(lineText));
      }
    }
    for (const f of model.report.findings) out.push(...findingLines(f, { showSecrets: false, width: 200 }).map(lineText));
    for (const t of model.report.tokens) out.push(...tokenLines(t, { showSecrets: false, width: 200, findings: [] }).map(lineText));
    const text = out.join('\n');
    expectNoSecret(text);
    // What the user needs is still there: fingerprints and the decoded claims.
    expect(text).toMatch(/authorization: Bearer \[jwt [0-9a-f]{12}\]/);
    expect(text).toContain('refresh_token: [redacted]');
    expect(text).toContain('passwd: [redacted]');
    expect(text).toContain('cookie: .AspNetCore.Cookies=[redacted]; ARRAffinity=[redacted]');
    expect(text).toContain('scp: access_as_user');
  });
});

async function framesOf(h: Harness, indexes: number[]): Promise<string[]> {
  const frames: string[] = [h.frame()];
  for (const index of indexes) {
    await h.press('g', ...Array<string>(index - 1).fill('j'), KEYS.enter);
    for (const tab of ['1', '2', '3', '4']) {
      await h.press(tab);
      if (h.frame().includes('loading…')) await waitFor(() => !h.frame().includes('loading…'), 'a body');
      frames.push(h.frame());
    }
    await h.press('q');
  }
  for (const view of ['F', 'T']) {
    await h.press(view);
    for (let i = 0; i < 6; i++) {
      frames.push(h.frame());
      await h.press('j');
    }
    await h.press('q');
  }
  return frames;
}

describe('on screen', () => {
  // Entries carrying a bearer JWT, a refresh token, a code, a password, cookies, an id_token_hint.
  const withSecrets = [6, 7, 8, 10, 22, 23, 39, 40];

  test('the entries that carry secrets never show them, on any tab or view', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()), { columns: 100, rows: 60 });
    const frames = await framesOf(h, withSecrets);
    expect(frames.length).toBe(1 + withSecrets.length * 4 + 12);
    expectNoSecret(frames.join('\n'));
    expect(frames.join('\n')).toMatch(/refresh_token: \[redacted\]/);
  });

  test('with showSecrets the raw values are shown (so the check above can fail)', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData(), { showSecrets: true }), { columns: 100, rows: 60 });
    await h.press('g', ...Array<string>(9).fill('j'), KEYS.enter);
    expect(h.frame().replace(/\n/g, '')).toContain(AT1.slice(0, 60));
    await h.press('q', 'g', ...Array<string>(21).fill('j'), KEYS.enter);
    expect(h.frame().replace(/\n/g, '')).toContain(RT1.slice(0, 40));
    await h.press('q', 'g', KEYS.enter);
    expect(h.frame()).toContain(COOKIE_VALUE);
  });
});
