import { describe, expect, it } from 'vitest';
import { findAadsts, findConfigErrors, findIdx } from '../../src/extract/index.js';

describe('error code finding', () => {
  it('finds AADSTS codes with the message that follows each', () => {
    const text =
      'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value. Trace ID: 1 Correlation ID: 2 Timestamp: 2024-05-01 10:00:00Z';
    const hits = findAadsts(text);
    expect(hits.map((h) => h.code)).toEqual(['AADSTS7000215']);
    expect(hits[0]!.message).toMatch(/^AADSTS7000215: Invalid client secret provided\./);
  });

  it('splits messages at the next code and normalizes escaped newlines', () => {
    const hits = findAadsts('AADSTS50076: Due to a configuration change.\\r\\nAADSTS50079: more');
    expect(hits.map((h) => h.code)).toEqual(['AADSTS50076', 'AADSTS50079']);
    expect(hits[0]!.message).toBe('AADSTS50076: Due to a configuration change.');
  });

  it('unescapes JSON quote escapes in the message', () => {
    const hits = findIdx('{"detail":"IDX10214: Audience validation failed. Audiences: \\u0027api://a\\u0027."}');
    expect(hits[0]!.message).toContain("Audiences: 'api://a'.");
  });

  it('finds IDX codes only as whole five-digit codes', () => {
    expect(findIdx('IDX10223: expired; IDX102234 no; XIDX10501 no; (IDX10501) yes').map((h) => h.code)).toEqual(['IDX10223', 'IDX10501']);
    expect(findIdx('nothing here')).toEqual([]);
  });

  it('reads the Entra login page $Config error code without prefix', () => {
    const html = '<script>$Config={"sErrorCode":"50126","sErrTxt":"AADSTS50126: Error validating credentials due to invalid username or password.","iErrorCode":0};</script>';
    const hits = findConfigErrors(html);
    expect(hits).toEqual([{ code: 'AADSTS50126', message: 'AADSTS50126: Error validating credentials due to invalid username or password.' }]);
  });

  it('ignores sErrorCode "0" and pages without $Config errors', () => {
    expect(findConfigErrors('$Config={"sErrorCode":"0"}')).toEqual([]);
    expect(findConfigErrors('<html>login</html>')).toEqual([]);
  });

  it('unescapes JSON escapes in sErrTxt', () => {
    const hits = findConfigErrors('{"sErrorCode":"50011","sErrTxt":"AADSTS50011: The redirect URI \\u0027https://x\\u0027 does not match."}');
    expect(hits[0]!.message).toBe("AADSTS50011: The redirect URI 'https://x' does not match.");
  });
});
