// A sign-in where nothing is wrong: code + PKCE, anonymous call answered by a
// plain Bearer challenge and retried with a token, CORS preflights, a refresh
// token grant for the second API, and a page whose font and logo are 404s.
import { openSpa, signInInteractive, spaCall } from '../clients/browser-session.mjs';
import { expectation } from '../lib/expectations.mjs';
import { ORDERS_URL, REPORTS_URL, SIGNIN_SCOPE, recordInBrowser } from './run-browser.mjs';

/** The user's steps, shared with the sanitized-export sample. */
export async function healthySteps(page) {
  await openSpa(page);
  await signInInteractive(page, { scope: SIGNIN_SCOPE });
  await spaCall(page, 'loadSigningKeys');
  const challenged = await spaCall(page, 'callApiOnChallenge', ORDERS_URL, 'api://contoso-orders');
  if (challenged.map((r) => r.status).join() !== '401,200') throw new Error(`challenge flow gave ${JSON.stringify(challenged)}`);
  await spaCall(page, 'callApi', `${ORDERS_URL}/SO-1001`, { resource: 'api://contoso-orders' });
  const refreshed = await spaCall(page, 'refresh', 'api://contoso-reports/Reports.Read');
  if (refreshed.status !== 200) throw new Error('refresh failed');
  const rep = await spaCall(page, 'callApi', REPORTS_URL, { resource: 'api://contoso-reports' });
  const ord = await spaCall(page, 'callApi', ORDERS_URL, { resource: 'api://contoso-orders' });
  if (rep.status !== 200 || ord.status !== 200) throw new Error('API calls after refresh failed');
}

export default {
  name: 'healthy-signin',
  file: 'healthy-signin.har',
  title: 'Healthy sign-in with refresh',
  recordedWith: 'Chromium (Debian) driven by playwright-core, through mitmproxy 8 (`mitmdump` with mitmproxy\'s own `har_dump.py` script), which wrote the HAR; unlike a browser-side recorder, mitmproxy also sees the CORS preflights.',
  async record({ certs, outPath }) {
    const { q } = await recordInBrowser({ certs, outPath, capture: 'mitmproxy' }, async ({ page }) => healthySteps(page));
    const preflights = q.indexes((e) => e.method === 'OPTIONS');
    const notFound = q.indexes((e) => e.status === 404);
    const challenge = q.first((e) => e.status === 401, 'anonymous challenge');
    if (preflights.length === 0 || notFound.length < 2) throw new Error('expected preflights and 404s in the trace');
    return expectation({
      sample: this.file,
      summary: `No error or warning. Ordinary traffic that must not be reported: the anonymous call #${challenge.index} answered 401 with a plain Bearer challenge (no error parameter) and retried with a token, CORS preflights ${preflights.map((i) => `#${i}`).join(', ')}, 404s for a web font, a logo and favicons ${notFound.map((i) => `#${i}`).join(', ')}.`,
      mustFind: [],
      maxSeverityOtherwise: 'info',
    });
  },
};
