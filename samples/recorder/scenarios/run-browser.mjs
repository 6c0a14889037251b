// Shared frame of the browser scenarios: start the local services, drive
// Chromium through the steps while Playwright's recordHar (or mitmproxy, when
// the trace must also hold CORS preflights, which Playwright does not record)
// writes the HAR, then stop everything.
import fs from 'node:fs';
import { startEnvironment } from '../lib/environment.mjs';
import { withBrowser } from '../clients/browser-session.mjs';
import { startMitm } from '../capture/mitm-capture.mjs';
import { EntryQuery, harEntries } from '../lib/trace-entries.mjs';

export async function recordInBrowser({ certs, outPath, environment = {}, capture = 'playwright' }, steps) {
  const env = await startEnvironment({ certs, ...environment });
  let facts;
  let mitm;
  try {
    if (capture === 'mitmproxy') {
      mitm = await startMitm({ harPath: outPath, hostMap: env.hostMap, upstreamCaPath: certs.caPath });
      facts = await withBrowser({ proxyServer: mitm.proxyUrl }, (page) => steps({ page, env }));
    } else {
      facts = await withBrowser({ harPath: outPath, hostMap: env.hostMap }, (page) => steps({ page, env }));
    }
  } finally {
    if (mitm) await mitm.stop();
    await env.stop();
  }
  const har = JSON.parse(fs.readFileSync(outPath, 'utf8'));
  return { har, q: new EntryQuery(harEntries(har)), facts: facts ?? {} };
}

export const ORDERS_URL = 'https://api.contoso.example/orders';
export const REPORTS_URL = 'https://reports.contoso.example/reports/monthly';
export const SIGNIN_SCOPE = 'openid profile offline_access api://contoso-orders/Orders.Read api://contoso-reports/Reports.Read';
