// A throwaway certificate authority and one server certificate for all the
// sample host names, made with openssl at record time and deleted afterwards.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function makeCertificates(dir, hostNames) {
  fs.mkdirSync(dir, { recursive: true });
  const p = (name) => path.join(dir, name);
  const run = (args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30000 });

  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=trace-audit sample recorder CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout', p('ca.key'), '-out', p('ca.pem')]);
  fs.writeFileSync(p('leaf.ext'), [
    'basicConstraints=CA:FALSE',
    'keyUsage=digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    `subjectAltName=${hostNames.map((h) => `DNS:${h}`).join(',')}`,
  ].join('\n'));
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${hostNames[0]}`, '-keyout', p('leaf.key'), '-out', p('leaf.csr')]);
  run(['x509', '-req', '-in', p('leaf.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial',
    '-days', '2', '-extfile', p('leaf.ext'), '-out', p('leaf.pem')]);

  return {
    dir,
    caPath: p('ca.pem'),
    ca: fs.readFileSync(p('ca.pem'), 'utf8'),
    cert: fs.readFileSync(p('leaf.pem'), 'utf8'),
    key: fs.readFileSync(p('leaf.key'), 'utf8'),
    certPath: p('leaf.pem'),
    keyPath: p('leaf.key'),
  };
}

/** A self-signed client certificate for private_key_jwt, with Entra's two thumbprint forms. */
export function makeClientCertificate(dir, name) {
  const keyPath = path.join(dir, `${name}.key`);
  const certPath = path.join(dir, `${name}.pem`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`,
    '-keyout', keyPath, '-out', certPath], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30000 });
  const certPem = fs.readFileSync(certPath, 'utf8');
  const x509 = new crypto.X509Certificate(certPem);
  const sha1 = crypto.createHash('sha1').update(x509.raw).digest();
  return {
    keyPem: fs.readFileSync(keyPath, 'utf8'),
    certPem,
    publicKeyPem: x509.publicKey.export({ type: 'spki', format: 'pem' }),
    x5t: sha1.toString('base64url'),
    thumbprintHex: sha1.toString('hex').toUpperCase(),
  };
}
