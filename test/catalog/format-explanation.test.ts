import { describe, expect, it } from 'vitest';
import { explain, familyHint, formatExplanation, NOT_A_CODE, type ExplainResult } from '../../src/catalog/index.js';
import { visibleLength } from '../../src/jwt/index.js';

function known(code: string): ExplainResult {
  const result = explain(code);
  if (!result) throw new Error(`${code} did not normalize`);
  return result;
}

describe('formatExplanation', () => {
  it('prints code, name, category, severity, meaning, check and a lookup link', () => {
    const text = formatExplanation(known('AADSTS50011'), { color: false });
    const lines = text.split('\n');
    expect(lines[0]).toBe('AADSTS50011  InvalidReplyTo');
    expect(text).toContain('\n  Category    redirect-uri\n');
    expect(text).toContain('\n  Severity    error\n');
    expect(text).toMatch(/\n {2}Meaning {5}redirect_uri sent by the app/);
    expect(text).toMatch(/\n {2}Check {7}Compare redirect_uri/);
    expect(text).toContain('\n  Look up     https://login.microsoftonline.com/error?code=50011\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('fits 80 columns for every catalog entry, wrapping under the value column', () => {
    for (const code of ['AADSTS50011', 'AADSTS700016', 'IDX10501', 'IDX10223', 'AADSTS7000215']) {
      const text = formatExplanation(known(code), { color: true });
      for (const line of text.split('\n')) expect(visibleLength(line)).toBeLessThanOrEqual(80);
    }
    const wrapped = formatExplanation(known('IDX10501'), { color: false });
    expect(wrapped).toMatch(/\n {14}\S/);
  });

  it('IDX codes have no severity or lookup link', () => {
    const text = formatExplanation(known('IDX10223'), { color: false });
    expect(text.split('\n')[0]).toBe('IDX10223');
    expect(text).not.toContain('Severity');
    expect(text).not.toContain('Look up');
    expect(text).toContain('  Category    lifetime\n');
  });

  it('unknown codes say "not in catalog" with a family hint', () => {
    const aad = formatExplanation(known('AADSTS700999'), { color: false });
    expect(aad.split('\n')[0]).toBe('AADSTS700999  not in catalog');
    expect(aad).toContain('Microsoft Entra ID');
    expect(aad).toContain('AADSTS700...');
    const idx = formatExplanation(known('IDX10999'), { color: false });
    expect(idx.split('\n')[0]).toBe('IDX10999  not in catalog');
    expect(idx).toContain('Microsoft.IdentityModel.Tokens');
    for (const line of idx.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('family hints name the IdentityModel package by range', () => {
    expect(familyHint('IDX20999')).toContain('Microsoft.IdentityModel.Protocols: retrieving metadata');
    expect(familyHint('IDX21999')).toContain('OpenIdConnect');
    expect(familyHint('IDX40999')).toContain('Validators');
    expect(familyHint('IDX99999')).toBe('IDX codes come from Microsoft.IdentityModel, the .NET token validation libraries.');
  });

  it('colour only when asked', () => {
    expect(formatExplanation(known('AADSTS50011'), { color: false })).not.toContain('\u001b[');
    expect(formatExplanation(known('AADSTS50011'), { color: true })).toContain('\u001b[31merror\u001b[39m');
  });

  it('the not-a-code message is one line', () => {
    expect(NOT_A_CODE).not.toContain('\n');
  });
});
