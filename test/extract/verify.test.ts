import { beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { tokenId } from '../../src/jwt/index.js';
import { keyUriServesIssuer } from '../../src/extract/index.js';
import type { Session } from '../../src/extract/index.js';
import { accessClaims, AUTHORITY, makeKey, sessionOf, signToken, tamperPayload, TraceBuilder, type Key } from '../helpers/trace-builder.js';

const API = 'https://api.contoso.com/x';
let k1: Key;
let k2: Key;

beforeAll(async () => {
  [k1, k2] = await Promise.all([makeKey('kid-1'), makeKey('kid-2')]);
});

const tok = (s: Session, v: string) => s.tokens.find((t) => t.id === tokenId(v))!;

describe('signature checks against the key sets captured in the trace', () => {
  it('valid, invalid (tampered), key-not-found, Graph nonce, HMAC, JWE, opaque', async () => {
    const b = new TraceBuilder();
    b.jwks([k1]); // #1
    const valid = await signToken(k1, accessClaims(b.time));
    const tampered = tamperPayload(await signToken(k1, accessClaims(b.time, { oid: 't' })), { scp: 'all' });
    const unknownKid = await signToken(k2, accessClaims(b.time));
    const graph = await signToken(k1, accessClaims(b.time, { aud: 'https://graph.microsoft.com' }), { nonce: 'abc' });
    const hmac = await new SignJWT(accessClaims(b.time)).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)));
    const jwe = `${Buffer.from(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256GCM' })).toString('base64url')}.aaaa.bbbb.cccc.dddd`;
    for (const v of [valid, tampered, unknownKid, graph, hmac, jwe, 'ya29.opaque-google-token']) b.api(API, v);
    const s = await sessionOf(b.build());
    expect(tok(s, valid)).toMatchObject({ signature: 'valid', signingKeySource: { input: 0, index: 1 } });
    expect(tok(s, tampered)).toMatchObject({ signature: 'invalid', signingKeySource: { input: 0, index: 1 } });
    expect(tok(s, unknownKid).signature).toBe('key-not-found');
    expect(tok(s, unknownKid).signatureDetail).toContain('kid-2');
    expect(tok(s, graph).signature).toBe('unverifiable');
    expect(tok(s, graph).signatureDetail).toContain('Graph');
    expect(tok(s, hmac).signature).toBe('unverifiable');
    expect(tok(s, jwe)).toMatchObject({ format: 'jwe', signature: 'unverifiable' });
    expect(tok(s, 'ya29.opaque-google-token')).toMatchObject({ format: 'opaque', signature: 'not-checked' });
  });

  it('no key set for the issuer in the trace → unverifiable with a --jwks hint', async () => {
    const b = new TraceBuilder();
    const t = await signToken(k1, accessClaims(b.time));
    b.api(API, t);
    const s = await sessionOf(b.build());
    expect(tok(s, t).signature).toBe('unverifiable');
    expect(tok(s, t).signatureDetail).toContain('--jwks');
  });

  it('v1 tokens (sts.windows.net) verify against keys published on login.microsoftonline.com', async () => {
    const b = new TraceBuilder();
    b.jwks([k1], 'https://login.microsoftonline.com/common/discovery/keys');
    const v1 = await signToken(k1, accessClaims(b.time, { iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/', ver: '1.0' }), { x5t: 'kid-1' });
    b.api(API, v1);
    const s = await sessionOf(b.build());
    expect(tok(s, v1).signature).toBe('valid');
  });

  it('uses the key set current at the first use: a kid added later is still found in the later set', async () => {
    const b = new TraceBuilder();
    b.jwks([k1]); // #1
    b.wait(60);
    b.jwks([k1, k2]); // #2
    const t = await signToken(k2, accessClaims(b.time));
    b.api(API, t);
    const s = await sessionOf(b.build());
    expect(tok(s, t)).toMatchObject({ signature: 'valid', signingKeySource: { index: 2 } });
  });

  it('B2C and CIAM key sets serve only their own host; Entra hosts of one cloud serve each other', () => {
    expect(keyUriServesIssuer(`${AUTHORITY}/discovery/v2.0/keys`, 'https://sts.windows.net/t/')).toBe(true);
    expect(keyUriServesIssuer(`${AUTHORITY}/discovery/v2.0/keys`, 'https://contoso.b2clogin.com/t/v2.0/')).toBe(false);
    expect(keyUriServesIssuer('https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/discovery/v2.0/keys', 'https://contoso.b2clogin.com/t/v2.0/')).toBe(true);
    expect(keyUriServesIssuer('https://t.ciamlogin.com/t/discovery/v2.0/keys', 'https://login.microsoftonline.com/t/v2.0')).toBe(false);
    expect(keyUriServesIssuer(`${AUTHORITY}/discovery/v2.0/keys`, 'https://login.microsoftonline.us/t/v2.0')).toBe(false);
  });
});
