// Entra-style client authentication at the token endpoint for the daemon app:
// decides between the AADSTS errors Entra returns for a wrong, expired or
// unknown credential, and otherwise lets the request through with the internal
// credential oidc-provider knows.
import crypto from 'node:crypto';
import { compactVerify, decodeProtectedHeader, importSPKI } from 'jose';
import { DAEMON_CLIENT } from '../lib/tenant.mjs';
import { AADSTS } from './entra-errors.mjs';
import { INTERNAL_DAEMON_SECRET } from './provider-config.mjs';

function basicCredentials(headers) {
  const auth = headers.authorization;
  if (!auth || !/^basic /i.test(auth)) return undefined;
  const [id, secret] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
  return { id: decodeURIComponent(id), secret: decodeURIComponent(secret ?? '') };
}

function x5tToHex(x5t) {
  return Buffer.from(x5t, 'base64url').toString('hex').toUpperCase();
}

/**
 * @returns {{ reject?: { status: number, aadsts: object }, form?: URLSearchParams, headers?: object }}
 */
export async function checkDaemonCredential(form, headers, registeredCerts) {
  const basic = basicCredentials(headers);
  const clientId = form.get('client_id') ?? basic?.id;
  if (clientId !== DAEMON_CLIENT.clientId) return { form, headers };

  const assertion = form.get('client_assertion');
  if (assertion) {
    const header = decodeProtectedHeader(assertion);
    const x5t = header.x5t ?? (header['x5t#S256'] ? undefined : header.kid);
    const cert = registeredCerts.find((c) => c.x5t === x5t);
    if (!cert) {
      const shown = x5t ? x5tToHex(x5t) : crypto.createHash('sha1').update(String(header.kid)).digest('hex').toUpperCase();
      return { reject: { status: 401, aadsts: AADSTS.unknownCertificate(clientId, shown) } };
    }
    await compactVerify(assertion, await importSPKI(cert.publicKeyPem, header.alg));
  } else {
    const secret = form.get('client_secret') ?? basic?.secret;
    if (secret === DAEMON_CLIENT.expiredSecret) {
      return { reject: { status: 401, aadsts: AADSTS.expiredSecret(clientId) } };
    }
    if (secret !== DAEMON_CLIENT.validSecret) {
      return { reject: { status: 401, aadsts: AADSTS.invalidSecret(clientId) } };
    }
  }
  const next = new URLSearchParams(form);
  for (const k of ['client_assertion', 'client_assertion_type', 'client_secret']) next.delete(k);
  next.set('client_id', clientId);
  next.set('client_secret', INTERNAL_DAEMON_SECRET);
  const nextHeaders = { ...headers };
  delete nextHeaders.authorization;
  return { form: next, headers: nextHeaders };
}
