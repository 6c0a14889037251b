/**
 * Bodies that ingest only scans (scripts, styles: no text, fragments only) still
 * give extract their tokens and error codes, read from a real HAR file.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../src/engine/index.js';
import { tokenId } from '../../src/jwt/index.js';
import { entry, harText, tempDir, writeTemp } from '../ingest/har/har-text.js';
import { accessClaims, makeKey, signToken, T0 } from '../helpers/trace-builder.js';

let dir: string;
let result: AnalysisResult;
let token: string;

const filler = (n: number): string => 'var grüße = "a \\"quoted\\" value";\n'.repeat(n);

beforeAll(async () => {
  const key = await makeKey('kid-1');
  token = await signToken(key, accessClaims(T0));
  const script = `${filler(300)}self.__t="${token}";console.error("IDX10223: Lifetime validation failed.");\n${filler(300)}`;
  const loginPage = `<html><head>${'<meta name="x" content="y">\n'.repeat(200)}<script>$Config={"sErrorCode":"50126","sErrTxt":"Error validating credentials."};</script></head></html>`;
  dir = tempDir();
  const path = writeTemp(
    dir,
    'scanned.har',
    harText(
      [
        entry({ request: { url: 'https://cdn.contoso.com/app.js' }, response: { content: { size: Buffer.byteLength(script), mimeType: 'application/javascript', text: script } } }),
        entry({ request: { url: 'https://login.microsoftonline.com/common/login', method: 'POST' }, response: { content: { size: loginPage.length, mimeType: 'text/html; charset=utf-8', text: loginPage } } }),
      ],
      { indent: 2 },
    ),
  );
  result = await analyze([path], { generatedAt: T0 });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanned bodies', () => {
  it('the script had no text, yet its token and IDX code are found', () => {
    const body = result.entries.find((e) => e.request.url.endsWith('/app.js'))!.response.body!;
    expect(body.text).toBeUndefined();
    expect(body.fragments!.length).toBeGreaterThan(0);
    const t = result.session.tokens.find((x) => x.id === tokenId(token));
    expect(t?.issuedAt).toMatchObject({ index: 1, where: 'response', field: 'body' });
    expect(result.session.errors.find((e) => e.code === 'IDX10223')).toMatchObject({ entry: { index: 1 }, source: 'body' });
  });

  it('a login page keeps its text: sErrorCode is read from $Config', () => {
    expect(result.session.errors.find((e) => e.code === 'AADSTS50126')).toMatchObject({ entry: { index: 2 }, source: 'html', message: 'Error validating credentials.' });
  });
});
