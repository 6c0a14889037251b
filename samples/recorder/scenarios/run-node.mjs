// Shared frame of the Node client scenarios captured by mitmproxy: the
// daemon's HTTP client is routed through mitmdump with undici's ProxyAgent.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { startEnvironment } from '../lib/environment.mjs';
import { startMitm } from '../capture/mitm-capture.mjs';
import { fetchVia, proxiedDispatcher } from '../clients/node-http.mjs';
import { EntryQuery, harEntries } from '../lib/trace-entries.mjs';

export async function recordNodeViaMitm({ certs, outPath, environment = {} }, steps) {
  const env = await startEnvironment({ certs, ...environment });
  let facts;
  let mitm;
  let dispatcher;
  try {
    mitm = await startMitm({ harPath: outPath, hostMap: env.hostMap, upstreamCaPath: certs.caPath });
    dispatcher = proxiedDispatcher(mitm.proxyUrl, mitm.ca);
    const fetchImpl = fetchVia(dispatcher, { 'client-request-id': crypto.randomUUID(), 'User-Agent': 'contoso-order-sync/1.4 (node)' });
    facts = await steps({ env, fetchImpl });
  } finally {
    await dispatcher?.close();
    if (mitm) await mitm.stop();
    await env.stop();
  }
  const har = JSON.parse(fs.readFileSync(outPath, 'utf8'));
  return { har, q: new EntryQuery(harEntries(har)), facts: facts ?? {} };
}
