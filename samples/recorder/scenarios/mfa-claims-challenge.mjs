// Conditional Access steps in mid-session: the orders API (CAE-capable)
// refuses a token issued before a revocation event with an
// insufficient_claims challenge, and the token endpoint refuses a refresh for
// the reports API with AADSTS50076 and a claims challenge. The SPA signs in
// again interactively with the claims and the calls succeed.
import { openSpa, signInInteractive, spaCall } from '../clients/browser-session.mjs';
import { sleep } from '../lib/net-util.mjs';
import { expectation } from '../lib/expectations.mjs';
import { isTokenEndpoint, tokenResponse } from '../lib/trace-entries.mjs';
import { ORDERS_URL, SIGNIN_SCOPE, recordInBrowser } from './run-browser.mjs';

function claimsFromChallenge(header) {
  const m = /claims="([^"]+)"/.exec(header ?? '');
  return m ? JSON.parse(Buffer.from(m[1], 'base64').toString()) : undefined;
}

export default {
  name: 'mfa-claims-challenge',
  file: 'mfa-claims-challenge.har',
  title: 'MFA required (AADSTS50076) and a CAE claims challenge',
  recordedWith: 'Chromium (Debian) driven by playwright-core; HAR written by Playwright `recordHar`.',
  async record({ certs, outPath }) {
    const { q } = await recordInBrowser({ certs, outPath }, async ({ page, env }) => {
      await openSpa(page);
      await signInInteractive(page, { scope: SIGNIN_SCOPE });
      await spaCall(page, 'loadSigningKeys');
      await spaCall(page, 'callApi', ORDERS_URL, { resource: 'api://contoso-orders' });
      await sleep(1100);
      env.orders.settings.caeNotBefore = Math.floor(Date.now() / 1000);
      await env.admin('/policy', { mfaRequiredResource: 'api://contoso-reports' });
      const cae = await spaCall(page, 'callApi', ORDERS_URL, { resource: 'api://contoso-orders' });
      if (cae.status !== 401) throw new Error('expected a CAE challenge');
      const mfa = await spaCall(page, 'refresh', 'api://contoso-reports/Reports.Read');
      if (mfa.status !== 400 || !mfa.claims) throw new Error('expected AADSTS50076 with claims');
      await sleep(1100);
      await env.admin('/policy', { mfaRequiredResource: null });
      await signInInteractive(page, { scope: SIGNIN_SCOPE, prompt: 'login', claims: mfa.claims });
      const after = await spaCall(page, 'callApi', ORDERS_URL, { resource: 'api://contoso-orders' });
      if (after.status !== 200) throw new Error('call after the new sign-in failed');
    });
    const caeEntry = q.one((e) => e.status === 401 && e.url === ORDERS_URL, 'CAE challenge');
    const mfaEntry = q.one((e) => isTokenEndpoint(e) && e.status === 400, 'AADSTS50076 response');
    const caeClaims = claimsFromChallenge(caeEntry.responseHeaders['www-authenticate']);
    const mfaClaims = JSON.parse(tokenResponse(mfaEntry).claims);
    return expectation({
      sample: this.file,
      summary: `api.contoso.example answers #${caeEntry.index} with error="insufficient_claims" and claims ${JSON.stringify(caeClaims)}; the refresh for the reports API at #${mfaEntry.index} gets AADSTS50076 (suberror basic_action) with claims ${JSON.stringify(mfaClaims)}. A new interactive sign-in (prompt=login, claims=...) follows and the API accepts the new token.`,
      mustFind: [
        { rule: 'aad-error', severity: 'info', entries: [mfaEntry.index], code: 'AADSTS50076', evidence: { suberror: 'basic_action' } },
        { rule: 'claims-challenge', entries: [caeEntry.index], evidence: { error: 'insufficient_claims', claims: JSON.stringify(caeClaims) } },
        { rule: 'claims-challenge', entries: [mfaEntry.index], evidence: { claims: JSON.stringify(mfaClaims) } },
      ],
    });
  },
};
