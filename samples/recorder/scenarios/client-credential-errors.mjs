// A daemon app fails to get a token three times for three different client
// credential mistakes, then succeeds with its registered certificate.
import path from 'node:path';
import { callApi, clientCredentials } from '../clients/daemon-client.mjs';
import { expectation } from '../lib/expectations.mjs';
import { makeClientCertificate } from '../lib/tls-certs.mjs';
import { DAEMON_CLIENT } from '../lib/tenant.mjs';
import { isTokenEndpoint } from '../lib/trace-entries.mjs';
import { recordNodeViaMitm } from './run-node.mjs';

const SCOPE = 'api://contoso-orders/.default';

export default {
  name: 'client-credential-errors',
  file: 'client-credential-errors.har',
  title: 'Client credential errors (expired secret, unknown certificate, wrong secret)',
  recordedWith: 'Node (openid-client 6, undici) through mitmproxy 8 (`mitmdump` with `har_dump.py`), which wrote the HAR.',
  async record({ certs, outPath }) {
    const registered = makeClientCertificate(certs.dir, 'daemon-registered');
    const unregistered = makeClientCertificate(certs.dir, 'daemon-new-unregistered');
    const environment = { idp: { registeredCerts: [{ x5t: registered.x5t, publicKeyPem: registered.publicKeyPem }] } };
    const { q } = await recordNodeViaMitm({ certs, outPath, environment }, async ({ fetchImpl }) => {
      const attempts = [
        await clientCredentials({ fetchImpl, credential: { secret: DAEMON_CLIENT.expiredSecret }, scope: SCOPE }),
        await clientCredentials({ fetchImpl, credential: { cert: unregistered }, scope: SCOPE }),
        await clientCredentials({ fetchImpl, credential: { secret: '5c1d9e7a-secret-id-not-the-value' }, scope: SCOPE }),
        await clientCredentials({ fetchImpl, credential: { cert: registered }, scope: SCOPE }),
      ];
      if (attempts.map((a) => a.status).join() !== '401,401,401,200') throw new Error(`unexpected outcomes ${attempts.map((a) => `${a.status} ${a.error ?? ''}`).join(', ')}`);
      const r = await callApi(fetchImpl, 'https://api.contoso.example/orders', attempts[3].accessToken);
      if (r.status !== 200) throw new Error('API call failed');
    });
    const failed = q.all((e) => isTokenEndpoint(e) && e.status === 401);
    const codes = failed.map((e) => JSON.parse(e.responseBody).error_codes[0]);
    if (codes.join() !== '7000222,700027,7000215') throw new Error(`unexpected codes ${codes}`);
    const auth = ['client_secret_post', 'private_key_jwt', 'client_secret_post'];
    return expectation({
      sample: this.file,
      summary: `Three refused client credentials grants of client ${DAEMON_CLIENT.clientId}: AADSTS7000222 (expired secret) at #${failed[0].index}, AADSTS700027 (certificate thumbprint ${unregistered.thumbprintHex} not registered) at #${failed[1].index}, AADSTS7000215 (invalid secret) at #${failed[2].index}; then a private_key_jwt grant with the registered certificate succeeds and the API answers 200.`,
      mustFind: failed.map((e, i) => ({
        rule: 'aad-error',
        severity: 'error',
        entries: [e.index],
        code: `AADSTS${codes[i]}`,
        evidence: { clientId: DAEMON_CLIENT.clientId, grantType: 'client_credentials', clientAuth: auth[i] },
      })),
    });
  },
};
