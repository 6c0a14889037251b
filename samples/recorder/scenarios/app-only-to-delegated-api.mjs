// A daemon calls two APIs with app-only tokens. The orders API grants an app
// role and answers 200; the reports API only accepts delegated scopes and
// answers 403 insufficient_scope. Both calls run in parallel and the slow one
// finishes last, so mitmproxy writes them in completion order.
import { callApi, clientCredentials } from '../clients/daemon-client.mjs';
import { expectation } from '../lib/expectations.mjs';
import { DAEMON_CLIENT, REPORTS_API } from '../lib/tenant.mjs';
import { bearerOf, peekJwt } from '../lib/trace-entries.mjs';
import { recordNodeViaMitm } from './run-node.mjs';

export default {
  name: 'app-only-to-delegated-api',
  file: 'app-only-to-delegated-api.har',
  title: 'App-only token sent to a delegated-only API',
  recordedWith: 'Node (openid-client 6, undici) through mitmproxy 8 (`mitmdump` with `har_dump.py`), which wrote the HAR in completion order.',
  async record({ certs, outPath }) {
    const { q } = await recordNodeViaMitm({ certs, outPath }, async ({ fetchImpl }) => {
      const secret = { secret: DAEMON_CLIENT.validSecret };
      const orders = await clientCredentials({ fetchImpl, credential: secret, scope: 'api://contoso-orders/.default' });
      const reports = await clientCredentials({ fetchImpl, credential: secret, scope: 'api://contoso-reports/.default' });
      const [slow, refused] = await Promise.all([
        callApi(fetchImpl, 'https://api.contoso.example/orders?delayMs=700', orders.accessToken),
        callApi(fetchImpl, 'https://reports.contoso.example/reports/monthly', reports.accessToken),
      ]);
      if (slow.status !== 200 || refused.status !== 403) throw new Error(`unexpected ${slow.status}/${refused.status}`);
    });
    const forbidden = q.one((e) => e.status === 403, '403 from reports');
    const slow = q.one((e) => e.url.includes('delayMs'), 'slow orders call');
    if (slow.index < forbidden.index || slow.startedAt > forbidden.startedAt) throw new Error('expected completion order to differ from start order');
    const { claims } = peekJwt(bearerOf(forbidden));
    return expectation({
      sample: this.file,
      summary: `An app-only token (idtyp=app, no scp, no roles for this API) is refused by reports.contoso.example with 403 insufficient_scope at #${forbidden.index} (IDW10203, problem+json). The orders call (#${slow.index}) started earlier but finished later: file order is completion order here.`,
      mustFind: [{
        rule: 'missing-scope-or-role',
        severity: 'error',
        entries: [forbidden.index],
        evidence: { tokenType: 'app-only', required: ['Reports.Read'], missing: ['Reports.Read'], tokenRoles: claims.roles ?? [] },
      }],
    });
  },
};
