// The IdP's clock runs 10 minutes ahead of everyone else's: its Date headers
// and every token's iat/nbf are 600 s in the future, beyond the API's 300 s
// tolerance, so the API refuses a freshly issued token with IDX10222.
import { openSpa, signInInteractive, spaCall } from '../clients/browser-session.mjs';
import { expectation } from '../lib/expectations.mjs';
import { bearerOf, hostOf, peekJwt } from '../lib/trace-entries.mjs';
import { ORDERS_URL, SIGNIN_SCOPE, recordInBrowser } from './run-browser.mjs';

const OFFSET_S = 600;

export default {
  name: 'idp-clock-ahead',
  file: 'idp-clock-ahead.har',
  title: 'IdP clock 10 minutes ahead',
  recordedWith: 'Chromium (Debian) driven by playwright-core; HAR written by Playwright `recordHar`. The IdP process runs with `Date` shifted +600 s by a preload module (idp/clock-offset.mjs).',
  async record({ certs, outPath }) {
    const { q } = await recordInBrowser({ certs, outPath, environment: { idp: { clockOffsetMs: OFFSET_S * 1000 } } }, async ({ page }) => {
      await openSpa(page);
      await signInInteractive(page, { scope: SIGNIN_SCOPE });
      await spaCall(page, 'loadSigningKeys');
      for (let i = 0; i < 2; i++) {
        const r = await spaCall(page, 'callApi', ORDERS_URL, { resource: 'api://contoso-orders' });
        if (r.status !== 401) throw new Error(`expected IDX10222, got ${r.status}`);
      }
    });
    const refused = q.all((e) => e.status === 401 && e.url.startsWith(ORDERS_URL));
    const idpEntries = q.indexes((e) => hostOf(e) === 'login.microsoftonline.com' && e.responseHeaders.date);
    const { claims } = peekJwt(bearerOf(refused[0]));
    return expectation({
      sample: this.file,
      summary: `login.microsoftonline.com answers with Date headers about +${OFFSET_S} s ahead of the browser clock (${idpEntries.length} entries). The access token's nbf (${claims.nbf}) is ~${OFFSET_S} s after the request time, so api.contoso.example refuses it with IDX10222 at ${refused.map((e) => `#${e.index}`).join(', ')}.`,
      mustFind: [
        {
          rule: 'token-not-yet-valid', severity: 'error', entries: refused.map((e) => e.index), code: 'IDX10222', evidence: { nbf: claims.nbf },
        },
        {
          rule: 'clock-skew', entries: idpEntries, evidence: { origin: 'https://login.microsoftonline.com', skewSeconds: OFFSET_S },
        },
      ],
      tolerance: { skewSeconds: 5 },
    });
  },
};
