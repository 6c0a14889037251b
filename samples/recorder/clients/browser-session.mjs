// Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with a
// fresh profile and Playwright's own HAR recorder. Host names resolve to the
// local servers through --host-resolver-rules, so the HAR shows the real names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { HOSTS, USER } from '../lib/tenant.mjs';
import { trackPid, untrackPid } from '../lib/child-processes.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export async function withBrowser({ harPath, hostMap, proxyServer }, fn) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-chromium-'));
  const args = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--ignore-certificate-errors',
  ];
  if (proxyServer) args.push(`--proxy-server=${proxyServer}`, '--proxy-bypass-list=<-loopback>');
  else args.push(`--host-resolver-rules=${hostMap.chromiumRules()}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    ignoreHTTPSErrors: true,
    recordHar: harPath ? { path: harPath, content: 'embed', mode: 'full' } : undefined,
    timeout: 30000,
  });
  context.setDefaultTimeout(15000);
  const pid = browserPid(profile);
  trackPid(pid);
  try {
    const page = context.pages()[0] ?? await context.newPage();
    return await fn(page, { browserPid: pid });
  } finally {
    await context.close();
    untrackPid(pid);
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The main Chromium process: the oldest process whose command line names our profile. */
function browserPid(profile) {
  let best;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes(profile) && !cmd.includes('--type=') && (!best || Number(pid) < best)) best = Number(pid);
    } catch { /* process ended meanwhile */ }
  }
  return best;
}

export const SPA_URL = `https://${HOSTS.spa}/`;

export async function openSpa(page) {
  await page.goto(SPA_URL);
  return page.evaluate(() => window.spa.ready);
}

/** Starts a sign-in from the SPA and, when the login form shows, types the user's credentials. */
export async function signInInteractive(page, options) {
  await Promise.all([
    page.waitForURL(/\/login\//),
    page.evaluate((o) => window.spa.signIn(o), options).catch(() => {}),
  ]);
  await page.fill('#login', USER.username);
  await page.fill('#passwd', USER.password);
  await Promise.all([page.waitForURL((u) => u.hostname === HOSTS.spa), page.click('#idSIButton9')]);
  await page.waitForFunction(() => document.body.dataset.state && document.body.dataset.state !== 'loading');
  return page.evaluate(() => document.body.dataset.state);
}

export const spaCall = (page, fnName, ...args) => page.evaluate(([f, a]) => window.spa[f](...a), [fnName, args]);

/** Starts a sign-in that is expected to end without a login form (an error page or an error redirect). */
export async function signInExpectingNoForm(page, options, urlPredicate) {
  await Promise.all([
    page.waitForURL(urlPredicate, { waitUntil: 'load' }),
    page.evaluate((o) => window.spa.signIn(o), options).catch(() => {}),
  ]);
}
