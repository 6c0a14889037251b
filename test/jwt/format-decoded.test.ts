import { beforeAll, describe, expect, it } from 'vitest';
import { decodedAsJson, formatDecoded, tokenId, visibleLength } from '../../src/jwt/index.js';
import { accessClaims, b64url, handMade, makeKey, signToken, T0, T0_S, TENANT, type TestKey } from './helpers/tokens.js';

let rsa: TestKey;
let token: string;
beforeAll(async () => {
  rsa = await makeKey('RS256', 'nOo3ZDrODXEK1jKWhXslHR_KXEg');
  token = await signToken(rsa, accessClaims());
});

const plain = { showSecrets: false, now: T0, color: false };

function outsideJsonBlocks(text: string): string[] {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => l === 'Header' || l === 'Claims');
  return end < 0 ? lines : lines.slice(0, end);
}

describe('formatDecoded', () => {
  it('shows the id, facts, times against now, and the claims', () => {
    const text = formatDecoded(token, plain);
    expect(text.split('\n')[0]).toBe(`Token ${tokenId(token)} (JWS, RS256, kid nOo3ZDrODXEK1jKWhXslHR_KXEg, typ JWT)`);
    expect(text).toContain('  Issuer      Entra ID v2 issuer, public cloud\n');
    expect(text).toContain(`  Tenant      ${TENANT}\n`);
    expect(text).toContain('  Client      1b730954-1685-4b74-9bfd-dac224a7b894\n');
    expect(text).toContain('  Version     2.0\n');
    expect(text).toContain('  Subject     delegated (user present)\n');
    expect(text).toContain('  Scopes      Orders.Read Orders.Write\n');
    expect(text).toContain('  Signature   not-checked - no keys given (decode is offline)\n');
    expect(text).toContain('Times (relative to now, 2024-05-01T10:00:00Z)\n');
    expect(text).toContain('  exp         2024-05-01T10:59:00Z  in 59 min\n');
    expect(text).toContain('Looks wrong\n  nothing found\n');
    expect(text).toContain('    "scp": "Orders.Read Orders.Write",');
  });

  it('never prints the signature or the compact token unless asked', () => {
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const text = formatDecoded(token, plain);
    expect(text).not.toContain(signature.slice(0, 16));
    expect(text).not.toContain(`${header}.${payload}`);
    expect(text).not.toContain(payload.slice(0, 24));
    expect(formatDecoded(token, { ...plain, showSecrets: true })).toContain(token);
  });

  it('hides tokens and credentials nested in claims', async () => {
    const inner = await signToken(rsa, accessClaims({ aud: 'inner' }));
    const outer = await signToken(rsa, accessClaims({ actor_token: inner, client_secret: 's3cr3t-value' }));
    const text = formatDecoded(outer, plain);
    expect(text).not.toContain(inner);
    expect(text).not.toContain('s3cr3t-value');
    expect(text).toContain(`"actor_token": "[jwt ${tokenId(inner)}]"`);
    expect(text).toContain('"client_secret": "[redacted]"');
  });

  it('lists what looks wrong, wrapped at 80 columns', () => {
    const text = formatDecoded(
      handMade({ alg: 'none', nonce: 'graph-nonce-value' }, accessClaims({ aud: 'https://graph.microsoft.com', exp: T0_S - 3600 })),
      plain,
    );
    expect(text).toContain('  [error] alg is none: the token is not signed at all\n');
    expect(text).toContain('  [warning] expired 1 h before now (exp 2024-05-01T09:00:00Z)\n');
    expect(text).toContain('  [info] nonce in the header (Microsoft Graph token): only the resource it was\n    issued for can check the signature\n');
    expect(text).toContain('Problems\n  - alg is none\n');
    for (const line of outsideJsonBlocks(text)) expect(visibleLength(line)).toBeLessThanOrEqual(80);
  });

  it('explains JWE and non-JWT input', () => {
    const jwe = formatDecoded(`${b64url({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })}.a.b.c.d`, plain);
    expect(jwe).toContain('(JWE, RSA-OAEP-256)');
    expect(jwe).toContain('Claims\n  encrypted (JWE): only the recipient can read them\n');
    const opaque = formatDecoded('EwBwA8l6BAAUopaque', plain);
    expect(opaque).toContain('(not a JWT)');
    expect(opaque).toContain('Problems\n  - not a JWT (1 part)\n');
    expect(opaque).not.toContain('EwBwA8l6BAAUopaque');
  });

  it('app-only v1 tokens read as such; long issuers go on their own line', () => {
    const v1 = handMade(
      { alg: 'RS256', kid: 'k', x5t: 'k' },
      { iss: `https://sts.windows.net/${TENANT}/`, appid: 'app-1', roles: ['Orders.Read.All'], oid: 'sp', sub: 'sp', idtyp: 'app', aud: 'https://contoso.example/api', exp: T0_S + 60 },
      'c2ln',
    );
    const text = formatDecoded(v1, plain);
    expect(text).toContain('  Issuer      Entra ID v1 issuer (sts), public cloud\n');
    expect(text).toContain(`              https://sts.windows.net/${TENANT}/\n`);
    expect(text).toContain('  Subject     app-only (no user)\n');
    const v2 = formatDecoded(token, plain);
    expect(v2).toContain(`\n    https://login.microsoftonline.com/${TENANT}/v2.0\n`);
  });

  it('colour only when asked', () => {
    expect(formatDecoded(token, plain)).not.toContain('\u001b[');
    expect(formatDecoded(token, { ...plain, color: true })).toContain('\u001b[1mToken');
  });

  it('shows a signature check passed in by the caller', () => {
    const text = formatDecoded(token, { ...plain, signature: { status: 'valid', detail: 'signature verifies (matched by kid)', matchedKid: 'k' } });
    expect(text).toContain('  Signature   valid - signature verifies (matched by kid)\n');
  });
});

describe('decodedAsJson', () => {
  it('is plain JSON with facts, times, warnings and no token', () => {
    const json = decodedAsJson(token, { showSecrets: false, now: T0 });
    const text = JSON.stringify(json);
    expect(JSON.parse(text)).toEqual(json);
    expect(json).toMatchObject({
      id: tokenId(token),
      format: 'jws',
      problems: [],
      now: '2024-05-01T10:00:00.000Z',
      facts: { issuerKind: 'v2', cloud: 'public', tenant: TENANT, version: '2.0', subject: 'delegated', alg: 'RS256' },
      signature: { status: 'not-checked' },
      warnings: [],
    });
    expect(json.times.map((t) => t.name)).toEqual(['iat', 'nbf', 'exp']);
    expect(json.times[2]).toEqual({ name: 'exp', epoch: T0_S + 3540, iso: '2024-05-01T10:59:00Z', relative: 'in 59 min' });
    expect(json.token).toBeUndefined();
    expect(text).not.toContain(token.split('.')[2] ?? '');
    expect(decodedAsJson(token, { showSecrets: true, now: T0 }).token).toBe(token);
  });
});
