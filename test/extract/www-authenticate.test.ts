import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../../src/extract/index.js';

describe('parseWwwAuthenticate', () => {
  const cases: { name: string; header: string; expected: unknown }[] = [
    {
      name: 'quoted Bearer parameters (ASP.NET JwtBearer)',
      header: 'Bearer error="invalid_token", error_description="The token expired at \'05/01/2024 10:00:00\'"',
      expected: [{ scheme: 'Bearer', params: { error: 'invalid_token', error_description: "The token expired at '05/01/2024 10:00:00'" } }],
    },
    {
      name: 'unquoted values',
      header: 'Bearer realm=api, error=insufficient_scope, scope=Files.Read',
      expected: [{ scheme: 'Bearer', params: { realm: 'api', error: 'insufficient_scope', scope: 'Files.Read' } }],
    },
    {
      name: 'Entra resource challenge with empty realm',
      header: 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
      expected: [
        {
          scheme: 'Bearer',
          params: { realm: '', authorization_uri: 'https://login.microsoftonline.com/common/oauth2/authorize', client_id: '00000003-0000-0000-c000-000000000000' },
        },
      ],
    },
    {
      name: 'several challenges in one header',
      header: 'Bearer realm="a", error="invalid_token", Basic realm="b", charset="UTF-8"',
      expected: [
        { scheme: 'Bearer', params: { realm: 'a', error: 'invalid_token' } },
        { scheme: 'Basic', params: { realm: 'b', charset: 'UTF-8' } },
      ],
    },
    {
      name: 'token68 blobs and a bare scheme',
      header: 'Negotiate oYIBzjCCAcqgAwIBAqEDCgEBooIBvg==, NTLM, Bearer',
      expected: [
        { scheme: 'Negotiate', params: {}, token68: 'oYIBzjCCAcqgAwIBAqEDCgEBooIBvg==' },
        { scheme: 'NTLM', params: {} },
        { scheme: 'Bearer', params: {} },
      ],
    },
    {
      name: 'token68 with padding followed by another challenge',
      header: 'Negotiate abc=, Basic realm="x"',
      expected: [
        { scheme: 'Negotiate', params: {}, token68: 'abc=' },
        { scheme: 'Basic', params: { realm: 'x' } },
      ],
    },
    {
      name: 'escaped quotes and commas inside a quoted value',
      header: 'Bearer error_description="a \\"quoted\\" word, and a comma", error="invalid_token"',
      expected: [{ scheme: 'Bearer', params: { error_description: 'a "quoted" word, and a comma', error: 'invalid_token' } }],
    },
    {
      name: 'stray spaces, commas and upper-case parameter names',
      header: '  ,Bearer   Error = "invalid_token" ,, Scope="a b"  ',
      expected: [{ scheme: 'Bearer', params: { error: 'invalid_token', scope: 'a b' } }],
    },
    {
      name: 'parameters without a scheme',
      header: 'error="invalid_token", error_description="x"',
      expected: [{ scheme: '', params: { error: 'invalid_token', error_description: 'x' } }],
    },
    {
      name: 'unterminated quote runs to the end',
      header: 'Bearer error="invalid_token',
      expected: [{ scheme: 'Bearer', params: { error: 'invalid_token' } }],
    },
    {
      name: 'duplicate parameter keeps the first',
      header: 'Bearer error="first", error="second"',
      expected: [{ scheme: 'Bearer', params: { error: 'first' } }],
    },
    {
      name: 'CAE claims challenge',
      header:
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ=="',
      expected: [
        {
          scheme: 'Bearer',
          params: {
            realm: '',
            authorization_uri: 'https://login.microsoftonline.com/common/oauth2/authorize',
            error: 'insufficient_claims',
            claims: 'eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ==',
          },
        },
      ],
    },
    { name: 'empty header', header: '', expected: [] },
    { name: 'garbage', header: '=== "" ,,', expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(parseWwwAuthenticate(c.header)).toEqual(c.expected);
    });
  }

  it('stays bounded on a huge header', () => {
    const header = `Bearer error="${'x'.repeat(200_000)}`;
    const parsed = parseWwwAuthenticate(header);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.params.error!.length).toBeLessThan(70_000);
  });
});
