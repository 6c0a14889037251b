// The SPA sends its orders-API token to the reports API: aud is the orders
// API's app id, so the reports API refuses it (IDX10214, with a problem+json
// body). The SPA then asks for a reports token and the same call succeeds.
import { openSpa, signInInteractive, spaCall } from '../clients/browser-session.mjs';
import { expectation } from '../lib/expectations.mjs';
import { ORDERS_API, REPORTS_API } from '../lib/tenant.mjs';
import { ORDERS_URL, REPORTS_URL, SIGNIN_SCOPE, recordInBrowser } from './run-browser.mjs';

export default {
  name: 'wrong-audience',
  file: 'wrong-audience.har',
  title: 'Token for one API sent to another',
  recordedWith: 'Chromium (Debian) driven by playwright-core; HAR written by Playwright `recordHar`.',
  async record({ certs, outPath }) {
    const { q } = await recordInBrowser({ certs, outPath }, async ({ page }) => {
      await openSpa(page);
      await signInInteractive(page, { scope: SIGNIN_SCOPE });
      await spaCall(page, 'loadSigningKeys');
      await spaCall(page, 'callApi', ORDERS_URL, { resource: 'api://contoso-orders' });
      const wrong = await spaCall(page, 'callApi', REPORTS_URL, { resource: 'api://contoso-orders' });
      if (wrong.status !== 401) throw new Error('expected IDX10214');
      await spaCall(page, 'refresh', 'api://contoso-reports/Reports.Read');
      const fixed = await spaCall(page, 'callApi', REPORTS_URL, { resource: 'api://contoso-reports' });
      if (fixed.status !== 200) throw new Error('fixed call failed');
    });
    const refused = q.one((e) => e.status === 401 && e.url === REPORTS_URL, 'refused reports call');
    const fixed = q.one((e) => e.status === 200 && e.url === REPORTS_URL, 'accepted reports call');
    return expectation({
      sample: this.file,
      summary: `reports.contoso.example refuses a token whose aud is the orders API (${ORDERS_API.appId}) with IDX10214 at #${refused.index}; it accepts a token with aud ${REPORTS_API.appId} at #${fixed.index}.`,
      mustFind: [{
        rule: 'audience-mismatch',
        severity: 'error',
        entries: [refused.index],
        code: 'IDX10214',
        evidence: { aud: [ORDERS_API.appId], expectedAudience: [REPORTS_API.appId], fixedAt: { entry: { index: fixed.index } } },
      }],
    });
  },
};
