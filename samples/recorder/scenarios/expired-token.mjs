// A desktop app keeps using its access token after it expired. The orders
// API validates lifetimes with ClockSkew = 0 and refuses the late call
// (IDX10223); the app refreshes and the retry succeeds. Captured, browser and
// app together, by a recording proxy that saves a Fiddler session archive.
import { openSpa, withBrowser, signInInteractive } from '../clients/browser-session.mjs';
import { NativeApp, startLoopback } from '../clients/native-client.mjs';
import { fetchVia, proxiedDispatcher } from '../clients/node-http.mjs';
import { startFiddlerProxy } from '../capture/fiddler-proxy.mjs';
import { finishTunnel } from '../capture/fiddler-tunnels.mjs';
import { writeSaz } from '../capture/saz-writer.mjs';
import { startEnvironment } from '../lib/environment.mjs';
import { expectation } from '../lib/expectations.mjs';
import { sleep } from '../lib/net-util.mjs';
import { USER } from '../lib/tenant.mjs';
import { EntryQuery, bearerOf, peekJwt } from '../lib/trace-entries.mjs';
import { sazEntries } from '../capture/saz-entries.mjs';

const TOKEN_TTL_S = 5;
const SCOPE = 'openid offline_access api://contoso-orders/Orders.Read';
const ORDERS = 'https://api.contoso.example/orders';
// Written as the Fiddler machine's local offset: readers must honour it.
const FIDDLER_UTC_OFFSET_MIN = 60;

async function browserSignIn(page, url, loopback) {
  await page.goto(url);
  await page.fill('#login', USER.username);
  await page.fill('#passwd', USER.password);
  await Promise.all([page.waitForURL((u) => u.hostname === 'localhost'), page.click('#idSIButton9')]);
  return loopback.callback;
}

export default {
  name: 'expired-token',
  file: 'expired-token.saz',
  title: 'Expired access token used by a desktop app',
  recordedWith: 'Chromium (Debian, playwright-core) for the sign-in and a Node desktop app (openid-client 6) for the token and API calls, both through the recorder\'s Fiddler-style proxy; the archive is written by capture/saz-writer.mjs in Fiddler Classic\'s layout.',
  async record({ certs, outPath }) {
    const loopback = await startLoopback();
    const env = await startEnvironment({
      certs, idp: { accessTokenTTL: TOKEN_TTL_S, nativeRedirectUri: loopback.redirectUri }, orders: { clockSkewSeconds: 0 },
    });
    let proxy;
    let dispatcher;
    try {
      let browserPid = 0;
      proxy = await startFiddlerProxy({
        hostMap: env.hostMap, certs, processFor: (req) => (/Chrome\//.test(req.headers['user-agent'] ?? '') ? `chromium:${browserPid}` : `node:${process.pid}`),
      });
      dispatcher = proxiedDispatcher(proxy.proxyUrl, certs.ca);
      const app = new NativeApp(fetchVia(dispatcher, { 'User-Agent': 'contoso-cli/2.3 (node)' }), loopback.redirectUri);
      await app.discover();
      const url = await app.authorizationUrl(SCOPE);
      const callbackUrl = await withBrowser({ proxyServer: proxy.proxyUrl }, async (page, info) => {
        browserPid = info.browserPid ?? 0;
        return browserSignIn(page, url, loopback);
      });
      await app.redeem(callbackUrl, SCOPE);
      const statuses = [await app.call(ORDERS)];
      await sleep(TOKEN_TTL_S * 1000 + 1500);
      statuses.push(await app.call(ORDERS));
      await app.refresh('api://contoso-orders/Orders.Read');
      statuses.push(await app.call(ORDERS));
      if (statuses.join() !== '200,401,200') throw new Error(`unexpected statuses ${statuses}`);
    } finally {
      await dispatcher?.close();
      await proxy?.stop();
      await env.stop();
      await loopback.close();
    }
    for (const s of proxy.sessions.filter((x) => x.kind === 'tunnel')) finishTunnel(s, { certPem: certs.cert, offsetMinutes: FIDDLER_UTC_OFFSET_MIN });
    const sessions = proxy.sessions.filter((s) => s.requestRaw);
    sessions.forEach((s, i) => { s.id = i + 1; });
    await writeSaz(outPath, sessions, { offsetMinutes: FIDDLER_UTC_OFFSET_MIN });
    const q = new EntryQuery(sazEntries(sessions));
    const refused = q.one((e) => e.status === 401 && e.url === ORDERS, 'expired call');
    const { claims } = peekJwt(bearerOf(refused));
    return expectation({
      sample: this.file,
      summary: `The access token sent at session #${refused.index} expired at ${new Date(claims.exp * 1000).toISOString()} (exp ${claims.exp}); api.contoso.example (ClockSkew = 0) refuses it with IDX10223. The app refreshes and the next call is accepted. Sessions include Fiddler CONNECT tunnels; times carry a +01:00 offset.`,
      mustFind: [{
        rule: 'token-expired', severity: 'error', entries: [refused.index], code: 'IDX10223', evidence: { exp: claims.exp },
      }],
    });
  },
};
