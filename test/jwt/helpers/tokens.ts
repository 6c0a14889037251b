// Real keys and real signed tokens for tests: nothing here is a fixture or a secret.
import { CompactSign, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { JsonWebKey } from '../../../src/jwt/index.js';

export interface TestKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JsonWebKey;
}

export async function makeKey(alg: 'RS256' | 'ES256', kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, x5t: `${kid}-x5t`, use: 'sig' } as JsonWebKey;
  return { kid, alg, privateKey, publicKey, jwk };
}

export const T0 = Date.UTC(2024, 4, 1, 10, 0, 0); // 2024-05-01T10:00:00Z
export const T0_S = T0 / 1000;
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CLIENT = '1b730954-1685-4b74-9bfd-dac224a7b894';

export function accessClaims(extra: JWTPayload = {}): JWTPayload {
  return {
    aud: 'api://5e1d3a44-9a42-4a45-8f43-4bd5a5e6c0a1',
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: T0_S - 60,
    nbf: T0_S - 60,
    exp: T0_S + 3540,
    azp: CLIENT,
    scp: 'Orders.Read Orders.Write',
    tid: TENANT,
    oid: '4f1a2b3c-0000-4000-8000-00000000beef',
    sub: 'sJ3mK8vQ2nX7rT1yU4wP0aZ6cB9dE5fG',
    ver: '2.0',
    ...extra,
  };
}

export async function signToken(
  key: TestKey,
  claims: JWTPayload,
  header: Record<string, unknown> = { kid: key.kid, typ: 'JWT' },
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, ...header }).sign(key.privateKey);
}

/** A JWS over arbitrary bytes (not JSON), for decoder edge cases. */
export async function signRaw(key: TestKey, payload: string): Promise<string> {
  return new CompactSign(new TextEncoder().encode(payload)).setProtectedHeader({ alg: key.alg, kid: key.kid }).sign(key.privateKey);
}

export function b64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** Replace the payload but keep header and signature: what tampering looks like. */
export function tamperPayload(compact: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = compact.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  change(claims);
  return `${header}.${b64url(claims)}.${signature}`;
}

/** An unsigned token built by hand (header and claims as given, empty or fake signature). */
export function handMade(header: Record<string, unknown>, claims: Record<string, unknown>, signature = ''): string {
  return `${b64url(header)}.${b64url(claims)}.${signature}`;
}
