import { beforeAll, describe, expect, it } from 'vitest';
import { decodeToken, looksLikeJwt } from '../../src/jwt/index.js';
import { accessClaims, b64url, handMade, makeKey, signRaw, signToken, type TestKey } from './helpers/tokens.js';

let rsa: TestKey;
beforeAll(async () => {
  rsa = await makeKey('RS256', 'k1');
});

describe('decodeToken', () => {
  it('decodes a signed JWT into header and claims with no problems', async () => {
    const token = await signToken(rsa, accessClaims());
    const decoded = decodeToken(token);
    expect(decoded.format).toBe('jws');
    expect(decoded.header).toEqual({ alg: 'RS256', kid: 'k1', typ: 'JWT' });
    expect(decoded.claims?.scp).toBe('Orders.Read Orders.Write');
    expect(decoded.problems).toEqual([]);
    expect(JSON.stringify(decoded)).not.toContain(token.split('.')[2]);
  });

  it('trims surrounding whitespace', async () => {
    const token = await signToken(rsa, accessClaims());
    expect(decodeToken(`  ${token}\n`).problems).toEqual([]);
  });

  const malformed: Array<[string, string, string[]]> = [
    ['empty', '', ['empty token']],
    ['one part', 'EwBwA8l6BAAUopaque', ['not a JWT (1 part)']],
    ['two parts', 'abc.def', ['not a JWT (2 parts)']],
    ['four parts', 'a.b.c.d', ['not a JWT (4 parts)']],
    ['header not base64url', `e+J/.${b64url({ a: 1 })}.c2ln`, ['header is not valid base64url']],
    ['header not JSON', `${b64url('{alg:RS256')}.${b64url({ a: 1 })}.c2ln`, ['header is not JSON']],
    ['header a JSON array', `${b64url([1])}.${b64url({ a: 1 })}.c2ln`, ['header is not a JSON object']],
    ['header without alg', `${b64url({ typ: 'JWT' })}.${b64url({ a: 1 })}.c2ln`, ['header has no alg']],
    ['payload not JSON', `${b64url({ alg: 'RS256' })}.${b64url('hello')}.c2ln`, ['payload is not JSON']],
    ['payload empty', `${b64url({ alg: 'RS256' })}..c2ln`, ['payload part is empty']],
    ['payload not base64url', `${b64url({ alg: 'RS256' })}.a$b.c2ln`, ['payload is not valid base64url']],
    ['signature empty', `${b64url({ alg: 'RS256' })}.${b64url({ a: 1 })}.`, ['signature part is empty']],
    ['signature not base64url', `${b64url({ alg: 'RS256' })}.${b64url({ a: 1 })}.a+b/`, ['signature is not valid base64url']],
    ['alg none', handMade({ alg: 'none' }, { a: 1 }), ['alg is none']],
    ['alg NONE with a signature', handMade({ alg: 'NONE' }, { a: 1 }, 'c2ln'), ['alg is none']],
    ['bad UTF-8 in header', `${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}.${b64url({ a: 1 })}.c2ln`, ['header is not valid base64url']],
  ];
  it.each(malformed)('%s', (_name, input, problems) => {
    const decoded = decodeToken(input);
    expect(decoded.problems).toEqual(problems);
  });

  it('never throws on hostile input', () => {
    const inputs: unknown[] = [undefined, null, 42, {}, '.'.repeat(10), 'eyJ'.repeat(100), '\u0000.\u0000.\u0000', 'a'.repeat(1_000_001)];
    for (const input of inputs) expect(() => decodeToken(input as string)).not.toThrow();
    expect(decodeToken('a'.repeat(1_000_001)).problems).toEqual(['too long to be a token']);
  });

  it('reports a payload that is not JSON in a real JWS', async () => {
    const token = await signRaw(rsa, 'plain text payload');
    expect(decodeToken(token)).toMatchObject({ format: 'jws', header: { alg: 'RS256', kid: 'k1' }, problems: ['payload is not JSON'] });
  });

  it('JWE: header decoded, no claims', () => {
    const jwe = `${b64url({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc-1' })}.ZW5j.aXY.Y2lwaGVy.dGFn`;
    expect(decodeToken(jwe)).toEqual({ format: 'jwe', header: { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc-1' }, problems: [] });
    expect(decodeToken(`${b64url({ alg: 'dir' })}.a.b.c.d`).problems).toEqual(['JWE header has no enc']);
  });
});

describe('looksLikeJwt', () => {
  it.each([
    ['eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln', true],
    ['eyJhbGciOiJub25lIn0.eyJhIjoxfQ.', true],
    ['eyJhbGciOiJkaXIifQ..aXY.Y2lwaGVy.dGFn', true],
    ['abc.def.ghi', false],
    ['eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ', false],
    ['Bearer eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln', false],
  ])('%s -> %s', (input, expected) => {
    expect(looksLikeJwt(input)).toBe(expected);
  });
});
