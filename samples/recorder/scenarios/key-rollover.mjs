// The IdP rolls its signing key in the middle of a session. The browser sees
// the new key set (it fetches the JWKS again), but the API still has the old
// keys cached and may refetch only after its refresh interval: tokens signed
// with the new key are refused (IDX10503) until then, and accepted after.
import { openSpa, signInInteractive, spaCall } from '../clients/browser-session.mjs';
import { sleep } from '../lib/net-util.mjs';
import { expectation } from '../lib/expectations.mjs';
import { bearerOf, isJwks, peekJwt } from '../lib/trace-entries.mjs';
import { ORDERS_URL, SIGNIN_SCOPE, recordInBrowser } from './run-browser.mjs';

const REFRESH_INTERVAL_MS = 12000;

export default {
  name: 'key-rollover',
  file: 'key-rollover.har',
  title: 'Signing-key rollover while the API caches the old keys',
  recordedWith: 'Chromium (Debian) driven by playwright-core; HAR written by Playwright `recordHar`. The orders API caches the JWKS and may refetch it at most every 12 s (ConfigurationManager.RefreshInterval).',
  async record({ certs, outPath }) {
    const { q, facts } = await recordInBrowser({ certs, outPath, environment: { orders: { jwksRefreshIntervalMs: REFRESH_INTERVAL_MS } } }, async ({ page, env }) => {
      await openSpa(page);
      await signInInteractive(page, { scope: SIGNIN_SCOPE });
      await spaCall(page, 'loadSigningKeys');
      const first = await spaCall(page, 'callApi', ORDERS_URL, { resource: 'api://contoso-orders' });
      const apiFetchedAt = Date.now();
      if (first.status !== 200) throw new Error('first call failed');
      const rolled = await env.admin('/rotate', {});
      await spaCall(page, 'loadSigningKeys');
      await spaCall(page, 'refresh', 'api://contoso-orders/Orders.Read');
      const refused = [];
      for (let i = 0; i < 2; i++) {
        refused.push((await spaCall(page, 'callApi', ORDERS_URL, { resource: 'api://contoso-orders' })).status);
        await sleep(1500);
      }
      if (refused.some((s) => s !== 401)) throw new Error(`expected 401s while the API cache is stale, got ${refused}`);
      await sleep(Math.max(0, apiFetchedAt + REFRESH_INTERVAL_MS + 500 - Date.now()));
      const recovered = await spaCall(page, 'callApi', ORDERS_URL, { resource: 'api://contoso-orders' });
      if (recovered.status !== 200) throw new Error('API did not recover after its refresh interval');
      return rolled;
    });
    const jwks = q.all(isJwks);
    const refused = q.all((e) => e.status === 401 && e.url.startsWith(ORDERS_URL));
    const recovered = q.all((e) => e.status === 200 && e.url === ORDERS_URL).at(-1);
    const newKidToken = peekJwt(bearerOf(refused[0]));
    if (newKidToken.header.kid !== facts.newKid) throw new Error('refused token is not signed with the new key');
    return expectation({
      sample: this.file,
      summary: `The key set at ${jwks.map((e) => `#${e.index}`).join(' and ')} changes from [${facts.oldKid}] to [${facts.newKid}, ${facts.oldKid}]. Tokens with the new kid are refused by api.contoso.example with IDX10503 at ${refused.map((e) => `#${e.index}`).join(', ')}; the same API accepts a new-kid token at #${recovered.index} once it refreshed its key cache.`,
      mustFind: [{
        rule: 'signing-key-rotated',
        severity: 'error',
        entries: refused.map((e) => e.index),
        code: 'IDX10503',
        evidence: {
          oldKid: facts.oldKid, newKid: facts.newKid, jwksBefore: { entry: { index: jwks[0].index } }, jwksAfter: { entry: { index: jwks[1].index } }, recoveredAt: { entry: { index: recovered.index } },
        },
      }],
    });
  },
};
