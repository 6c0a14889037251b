import { describe, expect, test } from 'vitest';
import { createFragmentScanner, type FragmentScannerOptions } from '../../../src/ingest/scan/index.js';

const b64url = (s: string): string => Buffer.from(s).toString('base64url');
/** A syntactically plausible JWS (the signature is random text, never checked here). */
function fakeJws(claims: Record<string, unknown>, sig = 'c2lnbmF0dXJlLW5vdC1yZWFs'): string {
  return `${b64url(JSON.stringify({ alg: 'RS256', kid: 'k1', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.${sig}`;
}

function scanAll(text: string | Buffer, options?: FragmentScannerOptions): string[] {
  const s = createFragmentScanner(options);
  s.push(Buffer.isBuffer(text) ? text : Buffer.from(text));
  return s.end();
}

function scanInPieces(text: Buffer, size: number, options?: FragmentScannerOptions): string[] {
  const s = createFragmentScanner(options);
  for (let i = 0; i < text.length; i += size) s.push(text.subarray(i, i + size));
  return s.end();
}

const filler = (n: number): string => 'lorem ipsum dolor sit amet '.repeat(Math.ceil(n / 27)).slice(0, n);

describe('JWT-looking strings', () => {
  const jws = fakeJws({ aud: 'api://x', exp: 1700000000 });

  test('finds a JWS in text, in a query string and in JSON', () => {
    expect(scanAll(`Bearer ${jws} next`)).toEqual([jws]);
    expect(scanAll(`?access_token=${jws}&state=1`)).toEqual([jws]);
    expect(scanAll(`{"id_token":"${jws}"}`)).toEqual([jws]);
  });

  test('finds a JWE (four dots) and an unsigned token (empty signature)', () => {
    const jwe = `${b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a2V5.aXY.Y2lwaGVy.dGFn`;
    const unsigned = `${b64url('{"alg":"none"}')}.${b64url('{"sub":"x"}')}.`;
    expect(scanAll(`x ${jwe} y`)).toEqual([jwe]);
    expect(scanAll(`x ${unsigned} y`)).toEqual([unsigned]);
  });

  test('drops a sentence dot after a token', () => {
    expect(scanAll(`the token was ${jws}.`)).toEqual([jws]);
  });

  test('ignores eyJ inside longer base64 runs and runs with the wrong number of dots', () => {
    expect(scanAll(`AAAA${jws}`)).toEqual([]);
    expect(scanAll(`${b64url('{"alg":"RS256"}')}.onlyonedot `)).toEqual([]);
    expect(scanAll('eyJhbGciOiJSUzI1NiJ9.a.b.c ')).toEqual([]);
  });

  test('ignores runs longer than maxTokenBytes and caps the count', () => {
    const long = fakeJws({ blob: 'x'.repeat(5000) });
    expect(scanAll(` ${long} `, { maxTokenBytes: 1000 })).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => fakeJws({ n: i })).join(' ');
    expect(scanAll(many, { maxTokens: 10 })).toHaveLength(10);
  });

  test('keeps each distinct token once', () => {
    expect(scanAll(`${jws} and again ${jws}`)).toEqual([jws]);
  });
});

describe('codes and error keys with context', () => {
  test('AADSTS code with context on both sides', () => {
    const text = `${filler(1000)}"error_description":"AADSTS50011: The redirect URI does not match."${filler(1000)}`;
    const [fragment, ...rest] = scanAll(text, { contextBytes: 100 });
    expect(rest).toEqual([]);
    expect(fragment).toContain('AADSTS50011: The redirect URI does not match.');
    expect(fragment!.length).toBeLessThan(100 + 100 + 100);
  });

  test('codes need the right number of digits', () => {
    expect(scanAll(' AADSTS1234 ')).toEqual([]);
    expect(scanAll(' IDX1022 ')).toEqual([]);
    expect(scanAll(' IDX102233 ')).toEqual([]);
    expect(scanAll(' AADSTS7000215 ')).toEqual([' AADSTS7000215 ']);
    expect(scanAll('IDX10223: Lifetime validation failed.')).toEqual(['IDX10223: Lifetime validation failed.']);
  });

  test('Entra login page sErrorCode and OAuth error keys', () => {
    expect(scanAll('$Config={"sErrorCode":"50126","sErrTxt":"x"};')).toEqual(['$Config={"sErrorCode":"50126","sErrTxt":"x"};']);
    expect(scanAll('{"error" : "invalid_grant"}')).toEqual(['{"error" : "invalid_grant"}']);
    expect(scanAll('{"error_codes":[70008]}')).toEqual(['{"error_codes":[70008]}']);
    expect(scanAll('var x = "error"; var y = "errors":')).toEqual([]);
  });

  test('overlapping contexts merge into one fragment', () => {
    const json = '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret.","error_codes":[7000215]}';
    expect(scanAll(`${filler(500)}${json}${filler(500)}`, { contextBytes: 40 })).toHaveLength(1);
  });

  test('a context never ends inside a token', () => {
    const jws = fakeJws({ sub: 'someone' });
    const text = `AADSTS50058 ${'x'.repeat(20)} ${jws} tail`;
    for (const fragment of scanAll(text, { contextBytes: 40 })) {
      const tokenish = fragment.match(/eyJ[\w.-]*/g) ?? [];
      for (const t of tokenish) expect(jws.startsWith(t) && t !== jws && t.split('.').length === 3).toBe(false);
    }
  });

  test('caps contexts per group', () => {
    const text = Array.from({ length: 50 }, (_, i) => `AADSTS${50000 + i} ${filler(200)}`).join('');
    expect(scanAll(text, { contextBytes: 20, maxContexts: 5 })).toHaveLength(5);
  });
});

describe('JSON-escaped bytes (a string literal read without decoding it)', () => {
  const escaped = (s: string): string => JSON.stringify(s).slice(1, -1);

  test('escaped error keys and login-page codes are found, and contexts come out unescaped', () => {
    const body = '<script>$Config={"sErrorCode":"50126","sErrTxt":"Invalid \u00e9"};</script>\n{"error":"invalid_grant","error_description":"AADSTS70008: expired"}';
    const found = scanAll(escaped(body), { jsonEscaped: true, contextBytes: 200 });
    expect(found).toEqual([body]);
    expect(scanAll(escaped(body), { contextBytes: 200 }).some((f) => f.includes('sErrorCode'))).toBe(true);
    expect(scanAll(escaped('{"error":"x"}'))).toEqual([]);
  });

  test('a token right after an escaped newline or quote', () => {
    const jws = fakeJws({ sub: 'x' });
    expect(escaped(`line\n${jws}`)).toContain('\\neyJ');
    expect(scanAll(escaped(`line\n${jws}`), { jsonEscaped: true })).toEqual([jws]);
    expect(scanAll(escaped(`"${jws}"`), { jsonEscaped: true })).toEqual([jws]);
    // A real letter n before the token (not an escape) still glues it to a longer run.
    expect(scanAll(escaped(`n${jws}`), { jsonEscaped: true })).toEqual([]);
  });
});

describe('chunk boundaries', () => {
  const jws = fakeJws({ aud: 'https://graph.microsoft.com', scp: 'User.Read' });
  const text = Buffer.from(
    [
      filler(300),
      `Bearer ${jws}`,
      filler(120),
      '{"error":"invalid_grant","error_description":"AADSTS70008: expired","error_codes":[70008]}',
      filler(200),
      'IDX10501: Signature validation failed.',
      filler(90),
      '"sErrorCode":"50126"',
      filler(50),
      ` ${jws.replace('RS256', 'x')}`,
      ' é ü 漢字 ',
      `id_token=${fakeJws({ nonce: 'n' })}`,
    ].join(' '),
  );
  const options = { contextBytes: 60, minWindowBytes: 64 };
  const whole = scanAll(text, options);

  test('the one-push result has every kind of fragment', () => {
    expect(whole.some((f) => f === jws)).toBe(true);
    expect(whole.some((f) => f.includes('AADSTS70008'))).toBe(true);
    expect(whole.some((f) => f.includes('IDX10501'))).toBe(true);
    expect(whole.some((f) => f.includes('"sErrorCode":"50126"'))).toBe(true);
  });

  test('any push size gives the same fragments', () => {
    for (let size = 1; size <= 97; size++) {
      expect(scanInPieces(text, size, options), `push size ${size}`).toEqual(whole);
    }
    expect(scanInPieces(text, 1)).toEqual(scanAll(text));
  });

  test('the scanner copies what it keeps, so callers may reuse their buffer', () => {
    const s = createFragmentScanner({ minWindowBytes: 16 });
    const reused = Buffer.alloc(10);
    for (let i = 0; i < text.length; i += 10) {
      const n = text.copy(reused, 0, i, Math.min(i + 10, text.length));
      s.push(reused.subarray(0, n));
      reused.fill(0x41);
    }
    expect(s.end()).toEqual(scanAll(text, { minWindowBytes: 16 }));
  });
});
