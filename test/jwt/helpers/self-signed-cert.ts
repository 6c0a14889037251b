// Builds a minimal self-signed X.509 certificate (DER) around a jose key pair, so
// JWKS entries that carry only `x5c` can be tested without fixtures or openssl.
import { createPrivateKey, sign } from 'node:crypto';
import { exportPKCS8, exportSPKI, type CryptoKey } from 'jose';

function length(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

function tlv(tag: number, content: Uint8Array | number[]): Buffer {
  const body = Buffer.from(content);
  return Buffer.concat([Buffer.from([tag, ...length(body.length)]), body]);
}

const seq = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]): Buffer => tlv(0x31, Buffer.concat(parts));

const OIDS = {
  sha256WithRSA: [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b],
  ecdsaWithSha256: [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02],
  commonName: [0x55, 0x04, 0x03],
};

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** Standard-base64 DER certificate, as a JWKS `x5c[0]` holds it. */
export async function selfSignedX5c(publicKey: CryptoKey, privateKey: CryptoKey, kind: 'rsa' | 'ec'): Promise<string> {
  const algorithm = kind === 'rsa' ? seq(tlv(0x06, OIDS.sha256WithRSA), tlv(0x05, [])) : seq(tlv(0x06, OIDS.ecdsaWithSha256));
  const name = seq(set(seq(tlv(0x06, OIDS.commonName), tlv(0x0c, Buffer.from('trace-audit test key')))));
  const validity = seq(tlv(0x17, Buffer.from('240101000000Z')), tlv(0x17, Buffer.from('440101000000Z')));
  const tbs = seq(
    tlv(0xa0, tlv(0x02, [0x02])), // version v3
    tlv(0x02, [0x01]), // serial number
    algorithm,
    name,
    validity,
    name,
    pemBody(await exportSPKI(publicKey)),
  );
  const signer = createPrivateKey(await exportPKCS8(privateKey));
  const signature = sign('sha256', tbs, signer);
  return seq(tbs, algorithm, tlv(0x03, Buffer.concat([Buffer.from([0]), signature]))).toString('base64');
}
