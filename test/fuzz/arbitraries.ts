/** Generators of hostile input shared by the fuzz properties. */
import fc from 'fast-check';

/** Pieces that stress parsers: JSON syntax, escapes, quotes, separators, token shapes, odd Unicode. */
export const NASTY_PIECES = [
  '{', '}', '[', ']', ':', ',', '"', '\\', '\\"', '\\u', '\\u00', '\\ud800', '\\udc00', '\\x', '\n', '\r\n', '\t', ' ',
  '\u0000', '\u2028', '\ufeff', '\ud800', '\udfff', '😀', 'é', '\u00a0', 'null', 'true', '-0', '1e999', '0x1F',
  'eyJ', 'eyJhbGciOiJSUzI1NiJ9', '.', '..', '=', '&', ';', '%', '%22', '%ZZ', '<', '>', "'", '`', '$', '/', '#', '?',
  'AADSTS', 'AADSTS50011', 'IDX', 'IDX10501', "kid: '", "'", 'Bearer ', 'error="', 'sErrorCode', '"sErrorCode":"',
] as const;

/** Text made of nasty pieces and random characters. */
export const nastyText = (maxPieces = 40): fc.Arbitrary<string> =>
  fc.array(fc.oneof(fc.constantFrom(...NASTY_PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: maxPieces }).map((parts) => parts.join(''));

/** Any string, from plain to hostile, sometimes long. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 64 }) },
  { weight: 3, arbitrary: nastyText() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY_PIECES), fc.integer({ min: 100, max: 20_000 })).map(([p, n]) => p.repeat(n)) },
);

/** Values of every JSON type (and the odd numbers), to put where another type belongs. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, -1, 1.5, 1e308, -1e308, '', 'x', true, false, [], {}, [null], { name: 1 }, '2024-13-45T99:99:99Z', '-1'),
  fc.jsonValue({ maxDepth: 3 }),
);

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/**
 * A compact JWS with arbitrary JSON header and claims and a random signature. Header
 * names are never array-index-like: JSON.stringify would put them before "alg", and a
 * header not starting with `{"` + letter does not start with `eyJ` (see README limits).
 */
export const jwsArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.dictionary(fc.string({ maxLength: 6 }).filter((k) => !/^(0|[1-9]\d*)$/.test(k)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
    fc.uint8Array({ minLength: 16, maxLength: 64 }),
  )
  .map(([header, claims, sig]) => `${b64({ alg: 'RS256', ...header })}.${b64(claims)}.${Buffer.from(sig).toString('base64url')}`);

/** Token-shaped garbage: `eyJ` plus junk, wrong dot counts, JSON that is not an object. */
export const tokenJunk: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => `eyJ${s}`),
  fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{0,12}$/), { minLength: 1, maxLength: 12 }).map((parts) => `eyJ${parts.join('.')}`),
  fc.integer({ min: 0, max: 1200 }).map((n) => `eyJhbGciOiJub25lIn0${'.'.repeat(n)}`),
  fc.jsonValue({ maxDepth: 2 }).map((v) => `${b64(v)}.${b64(v)}.${b64('sig')}`),
  jwsArb.map((t) => t.replace(/\./g, '..')),
);
