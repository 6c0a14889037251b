import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { BodyRef } from '../../src/model/index.js';
import { tokenId } from '../../src/jwt/fingerprint.js';
import { AT2, fixtureOptions, LAZY_BODIES, makeSignInData } from './fixtures.js';
import { KEYS, renderApp, waitFor, type Harness } from './harness.js';

afterEach(() => cleanup());

const statusBar = (h: Harness) => h.lines()[h.lines().length - 2] ?? '';
const bottom = (h: Harness) => h.lines()[h.lines().length - 1] ?? '';
const selectedIndex = (h: Harness) => Number(/^>\s*(\d+)/m.exec(h.frame())?.[1]);
const goTo = async (h: Harness, index: number) => h.press('g', ...Array<string>(index - 1).fill('j'));

describe('Tokens tab', () => {
  test('decodes the token sent in the entry, with times relative to the request', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()), { columns: 80, rows: 60 });
    await goTo(h, 24);
    await h.press(KEYS.enter, '3');
    const text = h.frame();
    expect(text).toContain(`Token ${tokenId(AT2)} · access · JWS · RS256 · kid newkid`);
    expect(text).toContain('  aud api://contoso-api · iss https://login.microsoftonline.com/8c1e5b7a-2d4f-4a');
    expect(text).toContain('  issued at #22: response access_token grant refresh_token');
    expect(text).toContain('  sent here: authorization access_token to api.contoso.com -> 401'.replace(' access_token', ''));
    expect(text).toContain('  signature: valid - verified with kid newkid from the key set at #27');
    expect(text).toMatch(/ {2}iat 2024-05-14T09:31:00Z {2}issued 1 s before this request/);
    expect(text).toMatch(/ {2}exp 2024-05-14T10:31:00Z {2}valid for 59 min more/);
    expect(text).toContain('  lifetime 60 min');
    expect(text).toMatch(/ {2}header\n {4}typ: JWT\n {4}alg: RS256\n {4}kid: newkid/);
    expect(text).toContain('    scp: access_as_user');
    expect(text).toMatch(/findings naming it\n {4}E F1 signing-key-rotated IDX10501 Signing key rolled over/);
  });

  test('an entry without tokens says so', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await h.press(KEYS.enter, '3');
    expect(h.frame()).toContain('No token was issued or sent in this entry.');
  });
});

describe('Request tab', () => {
  test('query parameters are listed decoded, secrets redacted', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await goTo(h, 7);
    await h.press(KEYS.enter);
    expect(h.frame()).toMatch(/^Query \(2\)\n {2}code: \[redacted\]\n {2}state: st-77a1$/m);
  });
});

describe('lazy bodies', () => {
  test('"loading…" until readBody resolves, then pretty JSON; read once per body', async () => {
    let release: (b: Buffer) => void = () => {};
    const reads: BodyRef[] = [];
    const options = fixtureOptions(makeSignInData(), {
      readBody: (ref) => {
        reads.push(ref);
        return new Promise<Buffer>((resolve) => (release = resolve));
      },
    });
    const h = await renderApp(options);
    await goTo(h, 9);
    await h.press(KEYS.enter, '2');
    expect(h.frame()).toMatch(/^Body · application\/json · 324 B\nloading…$/m);
    await waitFor(() => reads.length === 1, 'the body read to start');
    release(LAZY_BODIES.get('jwks1')!);
    await waitFor(() => !h.frame().includes('loading…'), 'the body to load');
    expect(h.frame()).toMatch(/"keys": \[\n {4}\{\n {6}"kty": "RSA",\n {6}"use": "sig",\n {6}"kid": "oldkid",/);
    await h.press('1', '2');
    expect(h.frame()).toContain('"kid": "oldkid"');
    expect(reads).toHaveLength(1);
  });

  test('binary bodies show as a hex dump; a failed read shows one line', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await goTo(h, 3);
    await h.press(KEYS.enter, '2');
    await waitFor(() => h.frame().includes('00000000'), 'the hex dump');
    expect(h.frame()).toMatch(/^00000000  89 50 4e 47 0d 0a 1a 0a {2}00 00 00 0d 49 48 44 52 {2}\|\.PNG\.\.\.\.\.\.\.\.IHDR\|$/m);
    const failing = await renderApp(fixtureOptions(makeSignInData(), { readBody: async () => Promise.reject(new Error('ENOENT: trace moved')) }));
    await goTo(failing, 2);
    await failing.press(KEYS.enter, '2');
    await waitFor(() => failing.frame().includes('could not'), 'the read error');
    expect(failing.frame()).toContain('could not read the body: ENOENT: trace moved');
  });
});

describe('findings and tokens views', () => {
  test('F lists findings by severity; enter opens the first entry; q comes back', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await h.press('F');
    expect(h.lines().slice(1, 4).map((l) => l.slice(0, 30))).toEqual([
      '> E F1 signing-key-rotated IDX',
      '  W F2 aad-error AADSTS50011 A',
      '  i F3 clock-skew api.contoso.',
    ]);
    expect(h.frame()).toContain('  evidence\n    jwksUri: https://login.microsoftonline.com/');
    await h.press('j');
    expect(h.frame()).toContain('    redirectUri: http://localhost:5000/');
    expect(h.frame()).toMatch(/ {2}advice\n {4}Add the redirect URI to the app registration/);
    await h.press(KEYS.enter);
    expect(statusBar(h)).toMatch(/^\[#30 GET login\.microsoftonline\.com\/8c1e…\/oauth2\/v2\.0\/a.*… · Request 1-19\/\d+\]/);
    await h.press('4');
    expect(h.frame()).toContain('W F2 aad-error AADSTS50011 AADSTS50011: redirect URI mismatch');
    await h.press('q');
    expect(statusBar(h)).toMatch(/^\[findings 2\/3\]/);
    await h.press('q');
    expect(statusBar(h)).toMatch(/^\[timeline 30\/40\]/);
  });

  test('space and PgUp scroll the details under the list when they do not fit', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await h.press('F');
    expect(h.lines()[4]).toMatch(/^-+ 1-16\/\d+ {2}space\/PgUp: scroll -+$/);
    expect(h.frame()).not.toContain('ConfigurationManager');
    await h.press(' ');
    expect(h.lines()[4]).not.toMatch(/ 1-16\//);
    expect(h.frame()).toContain('ConfigurationManager');
    await h.press(KEYS.pageUp);
    expect(h.lines()[4]).toMatch(/ 1-16\//);
    await h.press(' ', 'j');
    expect(h.lines()[5]).toMatch(/^W F2 aad-error/);
  });

  test('T lists every token; enter jumps to where it was issued', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await h.press('T');
    expect(h.lines()[1]).toMatch(/^ id\s+kind\s+signature aud\s+exp\s+issued uses/);
    expect(h.frame()).toMatch(new RegExp(`^ ${tokenId(AT2)} access  valid     api://contoso-api\\s+10:31:00Z\\s+#22\\s+13$`, 'm'));
    expect(h.frame()).toMatch(/^ {2}lifetime [.=|xI]+$/m);
    await h.press('j', 'j', 'j', 'j');
    expect(statusBar(h)).toMatch(/^\[tokens 5\/6\]/);
    expect(h.frame()).toMatch(/lifetime \.+Ix+=+\|+=+/);
    await h.press(KEYS.enter);
    expect(statusBar(h)).toMatch(/^\[#22 POST /);
  });
});

describe('filter', () => {
  test('f applies a ~ expression; the status bar shows it; empty clears it', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await h.press('f');
    expect(bottom(h)).toBe('filter: _');
    await h.type('~c 401');
    await h.press(KEYS.enter);
    expect(statusBar(h)).toMatch(/^\[timeline 1\/3 of 40\] filter: ~c 401/);
    expect(h.lines().slice(2, 6).map((l) => l.slice(0, 5).trim())).toEqual(['> 23', '24', '25', '']);
    await h.press('f', KEYS.ctrlU, KEYS.enter);
    expect(statusBar(h)).toMatch(/^\[timeline 23\/40\]/);
  });

  test('an invalid expression shows its error on the prompt line and changes nothing', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await h.press('f');
    await h.type('~c 401 &');
    await h.press(KEYS.enter);
    expect(bottom(h)).toMatch(/^filter: ~c 401 &_ {2}expression expected \(at column 9\)/);
    expect(statusBar(h)).toMatch(/^\[timeline 1\/40\]/);
    await h.press(KEYS.backspace);
    expect(bottom(h)).toMatch(/^filter: ~c 401 _\s*$/);
    await h.press(KEYS.esc);
    expect(bottom(h).trim()).toBe('');
    expect(statusBar(h)).toMatch(/^\[timeline 1\/40\]/);
  });

  test('the selected entry stays selected when it still matches', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await goTo(h, 24);
    await h.press('f');
    await h.type('~aud contoso-api');
    await h.press(KEYS.enter);
    expect(selectedIndex(h)).toBe(24);
    expect(statusBar(h)).toMatch(/^\[timeline 14\/25 of 40\]/);
  });

  test('no match shows a message in the list', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await h.press('f');
    await h.type('~expired');
    await h.press(KEYS.enter);
    expect(h.frame()).toContain('No entry matches the filter ~expired');
    await h.press(KEYS.enter, 'j', 'G');
    expect(statusBar(h)).toMatch(/^\[timeline 0\/0 of 40\]/);
  });
});

describe('search', () => {
  test('/ finds the next row matching a regex; n and N repeat, wrapping around', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await h.press('/');
    await h.type('orders/4[0-9]');
    await h.press(KEYS.enter);
    expect(selectedIndex(h)).toBe(32);
    await h.press('n', 'n');
    expect(selectedIndex(h)).toBe(34);
    await h.press('N', 'N', 'N');
    expect(selectedIndex(h)).toBe(38);
    expect(bottom(h)).toMatch(/^search wrapped around/);
    await h.press('/', KEYS.ctrlU);
    await h.type('nothing-like-this');
    await h.press(KEYS.enter);
    expect(bottom(h)).toMatch(/^no match for \/nothing-like-this\//);
    expect(selectedIndex(h)).toBe(38);
  });

  test('an invalid regex stays in the prompt with the error', async () => {
    const h = await renderApp(fixtureOptions(makeSignInData()));
    await h.press('/');
    await h.type('(unclosed');
    await h.press(KEYS.enter);
    expect(bottom(h)).toMatch(/^search \/\(unclosed_ {2}invalid regex/);
  });
});

describe('export', () => {
  test('e offers JSON or Markdown with default paths, writes through the callback, says where', async () => {
    const options = fixtureOptions(makeSignInData());
    const h = await renderApp(options);
    await h.press('e');
    expect(bottom(h)).toMatch(/^export \[JSON\] Markdown \(tab\) to: \/cases\/contoso\/session\.trace-audit\.json_/);
    await h.press(KEYS.tab);
    expect(bottom(h)).toMatch(/^export JSON \[Markdown\] \(tab\) to: \/cases\/contoso\/session\.trace-audit\.md_/);
    await h.press(KEYS.enter);
    await h.press();
    expect(options.exports).toEqual([['markdown', '/cases/contoso/session.trace-audit.md']]);
    expect(bottom(h)).toMatch(/^wrote Markdown report to \/cases\/contoso\/session\.trace-audit\.md/);
    await h.press('e', KEYS.ctrlU);
    await h.type('/tmp/out.json');
    await h.press(KEYS.enter);
    await h.press();
    expect(options.exports[1]).toEqual(['json', '/tmp/out.json']);
  });

  test('a failed export is one line', async () => {
    const options = fixtureOptions(makeSignInData(), { exportReport: async () => Promise.reject(new Error("EACCES: permission denied, open '/x.json'\n    at stack")) });
    const h = await renderApp(options);
    await h.press('e', KEYS.enter);
    await h.press();
    expect(bottom(h)).toMatch(/^export failed: EACCES: permission denied, open '\/x\.json'\s*$/);
  });
});
