// A hand-edited token: the payload gained a scope while header and signature
// stayed. Its kid is in the captured JWKS, the signature no longer verifies,
// and the API says so (IDX10511).
import { openSpa, signInInteractive, spaCall } from '../clients/browser-session.mjs';
import { expectation } from '../lib/expectations.mjs';
import { bearerOf, peekJwt } from '../lib/trace-entries.mjs';
import { ORDERS_URL, SIGNIN_SCOPE, recordInBrowser } from './run-browser.mjs';

export default {
  name: 'tampered-token',
  file: 'tampered-token.har',
  title: 'Edited token payload (signature no longer matches)',
  recordedWith: 'Chromium (Debian) driven by playwright-core; HAR written by Playwright `recordHar`. The SPA edits the payload of its own token (adds a scope) before one call.',
  async record({ certs, outPath }) {
    const { q } = await recordInBrowser({ certs, outPath }, async ({ page }) => {
      await openSpa(page);
      await signInInteractive(page, { scope: SIGNIN_SCOPE });
      await spaCall(page, 'loadSigningKeys');
      await spaCall(page, 'callApi', ORDERS_URL, { resource: 'api://contoso-orders' });
      const token = await spaCall(page, 'tamperedToken', 'api://contoso-orders', 'Orders.ReadWrite');
      const r = await spaCall(page, 'callApi', ORDERS_URL, { token });
      if (r.status !== 401) throw new Error('expected IDX10511');
    });
    const refused = q.one((e) => e.status === 401, 'refused tampered token');
    const { header } = peekJwt(bearerOf(refused));
    return expectation({
      sample: this.file,
      summary: `The token sent at #${refused.index} has kid ${header.kid}, which the captured JWKS publishes, but its signature does not verify (its scp was edited); the API answers IDX10511. The unedited token is accepted earlier.`,
      mustFind: [{
        rule: 'signature-invalid', severity: 'error', entries: [refused.index], code: 'IDX10511', evidence: { kid: header.kid },
      }],
    });
  },
};
