// Two sign-ins with an unregistered redirect URI. One names another origin:
// Entra cannot trust it and shows its own error page (HTML with $Config,
// sErrorCode 50011). The other differs only in the path: the error is sent
// back, in the fragment, to the redirect URI that is registered.
import { openSpa, signInExpectingNoForm } from '../clients/browser-session.mjs';
import { expectation } from '../lib/expectations.mjs';
import { sleep } from '../lib/net-util.mjs';
import { HOSTS } from '../lib/tenant.mjs';
import { SIGNIN_SCOPE, recordInBrowser } from './run-browser.mjs';

const isAuthorize = (e) => e.url.includes('/oauth2/v2.0/authorize');

export default {
  name: 'redirect-uri-mismatch',
  file: 'redirect-uri-mismatch.har',
  title: 'Redirect URI not registered (AADSTS50011)',
  recordedWith: 'Chromium (Debian) driven by playwright-core; HAR written by Playwright `recordHar`.',
  async record({ certs, outPath }) {
    const { q } = await recordInBrowser({ certs, outPath }, async ({ page }) => {
      await openSpa(page);
      await signInExpectingNoForm(page, { scope: SIGNIN_SCOPE, redirectUri: 'http://localhost:3000/' }, (u) => u.hostname === HOSTS.idp);
      // Let the HAR recorder collect the page body before navigating away.
      await page.waitForSelector('#login-error');
      await page.waitForLoadState('networkidle');
      await sleep(500);
      await openSpa(page);
      await signInExpectingNoForm(page, { scope: SIGNIN_SCOPE, redirectUri: `https://${HOSTS.spa}/signin-oidc` }, (u) => u.hostname === HOSTS.spa && u.hash.includes('error='));
      await page.waitForFunction(() => document.body?.dataset.state !== 'loading');
      const state = await page.evaluate(() => window.spa.ready);
      if (state !== 'error') throw new Error(`SPA should have received the error, got ${state}`);
    });
    const page = q.one((e) => isAuthorize(e) && e.status === 200, 'error page');
    const redirect = q.one((e) => isAuthorize(e) && e.status === 302, 'error redirect');
    if (!/"sErrorCode":"50011"/.test(page.responseBody)) throw new Error('error page lacks $Config sErrorCode');
    return expectation({
      sample: this.file,
      summary: `AADSTS50011 twice: at #${page.index} the authorize request names http://localhost:3000/ and Entra's error page carries "sErrorCode":"50011" in $Config; at #${redirect.index} the error is returned to the registered redirect URI in the Location fragment (#error=invalid_request&error_description=AADSTS50011...).`,
      mustFind: [
        { rule: 'aad-error', severity: 'error', entries: [page.index], code: 'AADSTS50011', evidence: { source: 'html' } },
        { rule: 'aad-error', severity: 'error', entries: [redirect.index], code: 'AADSTS50011', evidence: { source: 'redirect' } },
      ],
    });
  },
};
