// Starts everything one scenario talks to: the IdP (child process, own clock),
// the two protected APIs and the SPA, all on 127.0.0.1, and stops them again.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetch } from 'undici';
import { HOSTS, ORDERS_API, REPORTS_API } from './tenant.mjs';
import { HostMap } from './host-map.mjs';
import { startProcess, stopProcess, waitForLine } from './child-processes.mjs';
import { closeServer } from './net-util.mjs';
import { startApi } from '../api/api-server.mjs';
import { startSpa } from '../web/spa-server.mjs';

const recorderDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

async function startIdp({ certs, clockOffsetMs = 0, accessTokenTTL, policy, registeredCerts, nativeRedirectUri }) {
  const child = startProcess(process.execPath, ['--import', './idp/clock-offset.mjs', 'idp/idp-process.mjs'], {
    cwd: recorderDir,
    env: {
      ...process.env,
      SAMPLE_IDP_CLOCK_OFFSET_MS: String(clockOffsetMs),
      SAMPLE_IDP_CONFIG: JSON.stringify({
        certPath: certs.certPath, keyPath: certs.keyPath, accessTokenTTL, policy, registeredCerts, nativeRedirectUri,
      }),
    },
  });
  child.stderr.on('data', (d) => {
    const text = d.toString();
    if (!/oidc-provider WARNING: Unsupported runtime/.test(text)) process.stderr.write(`[idp] ${text}`);
  });
  const m = await waitForLine(child, /IDP_READY front=(\d+) admin=(\d+)/);
  return { child, frontPort: Number(m[1]), adminPort: Number(m[2]) };
}

export async function startEnvironment({ certs, idp = {}, orders = {}, reports = {} }) {
  const hostMap = new HostMap();
  const started = { servers: [], idp: undefined };
  try {
    started.idp = await startIdp({ certs, ...idp });
    hostMap.set(HOSTS.idp, started.idp.frontPort);
    const dispatcher = hostMap.dispatcher(certs.ca);
    const fetchJson = async (url) => (await fetch(url, { dispatcher })).json();

    const ordersApi = await startApi({ api: ORDERS_API, certs, fetchJson, options: orders });
    const reportsApi = await startApi({ api: REPORTS_API, certs, fetchJson, options: { problemBodyOn401: true, ...reports } });
    const spa = await startSpa({ certs });
    started.servers.push(ordersApi.server, reportsApi.server, spa.server);
    hostMap.set(HOSTS.orders, ordersApi.port).set(HOSTS.reports, reportsApi.port).set(HOSTS.spa, spa.port);

    const admin = async (route, body) => {
      const r = await fetch(`http://127.0.0.1:${started.idp.adminPort}${route}`, {
        method: body ? 'POST' : 'GET', body: body ? JSON.stringify(body) : undefined,
      });
      return r.json();
    };
    return {
      hostMap, dispatcher, certs, admin, orders: ordersApi, reports: reportsApi, spa,
      async stop() {
        await Promise.all(started.servers.map(closeServer));
        await stopProcess(started.idp.child);
        await dispatcher.close();
      },
    };
  } catch (err) {
    await Promise.all(started.servers.map(closeServer));
    if (started.idp) await stopProcess(started.idp.child);
    throw err;
  }
}
