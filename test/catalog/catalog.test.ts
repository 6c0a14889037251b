import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aadstsCatalog, catalogSize, explain, idxCatalog, kindOfCode, normalizeCode } from '../../src/catalog/index.js';

function dataRows(file: string): string[][] {
  const text = readFileSync(new URL(`../../src/catalog/data/${file}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

describe('catalog loading', () => {
  it('loads every row of both files', () => {
    const aadRows = dataRows('aadsts.tsv');
    const idxRows = dataRows('idx.tsv');
    expect(catalogSize()).toEqual({ aadsts: aadRows.length, idx: idxRows.length });
    expect(aadRows.length).toBeGreaterThan(300);
    expect(idxRows.length).toBeGreaterThan(100);
    for (const [code = '', name = '', category, severity, gist, check] of aadRows) {
      const entry = aadstsCatalog().get(Number(code));
      expect(entry).toEqual({ code: `AADSTS${code}`, number: Number(code), ...(name ? { name } : {}), category, severity, gist, check });
    }
    for (const [code = '', category, gist, check] of idxRows) {
      expect(idxCatalog().get(code)).toEqual({ code, number: Number(code.slice(3)), category, gist, check });
    }
  });

  it('every row explains itself under its own code', () => {
    for (const entry of aadstsCatalog().values()) expect(explain(entry.code)).toMatchObject({ code: entry.code, known: true, kind: 'aadsts' });
    for (const entry of idxCatalog().values()) expect(explain(entry.code)).toMatchObject({ code: entry.code, known: true, kind: 'idx' });
  });
});

describe('normalizeCode', () => {
  it.each([
    ['AADSTS50011', 'AADSTS50011'],
    ['aadsts50011', 'AADSTS50011'],
    ['AaDsTs50011', 'AADSTS50011'],
    ['50011', 'AADSTS50011'],
    [' AADSTS7000215: ', 'AADSTS7000215'],
    ['IDX10501', 'IDX10501'],
    ['idx10501', 'IDX10501'],
  ])('%s -> %s', (input, code) => {
    expect(normalizeCode(input)).toBe(code);
  });

  it.each(['', 'AADSTS', 'AADSTS50011x', 'AADSTS 50011', '5001', '123456789', 'IDX1050', 'IDX105011', 'IDXabcde', 'invalid_grant', 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln'])(
    'rejects %j',
    (input) => {
      expect(normalizeCode(input)).toBeUndefined();
    },
  );

  it('rejects non-strings', () => {
    expect(normalizeCode(50011)).toBeUndefined();
    expect(normalizeCode(undefined)).toBeUndefined();
  });

  it('kindOfCode', () => {
    expect(kindOfCode('IDX10501')).toBe('idx');
    expect(kindOfCode('AADSTS50011')).toBe('aadsts');
  });
});

describe('explain', () => {
  it('knows well-known AADSTS codes', () => {
    expect(explain('50011')).toEqual({
      code: 'AADSTS50011',
      kind: 'aadsts',
      known: true,
      name: 'InvalidReplyTo',
      category: 'redirect-uri',
      severity: 'error',
      gist: expect.stringContaining('redirect_uri') as unknown as string,
      check: expect.any(String) as unknown as string,
    });
    expect(explain('AADSTS50058')).toMatchObject({ name: 'UserInformationNotProvided', severity: 'info', category: 'user-interaction' });
    expect(explain('aadsts7000215')).toMatchObject({ category: 'client-credentials', known: true });
    expect(explain('AADSTS50173')).toMatchObject({ name: 'FreshTokenNeeded' });
  });

  it('knows IDX codes, which have a category but no name or severity', () => {
    const result = explain('idx10501');
    expect(result).toMatchObject({ code: 'IDX10501', kind: 'idx', known: true, category: 'signature-key' });
    expect(result?.name).toBeUndefined();
    expect(result?.severity).toBeUndefined();
    expect(explain('IDX10223')).toMatchObject({ category: 'lifetime' });
    expect(explain('IDX10214')).toMatchObject({ category: 'audience' });
  });

  it('well-formed unknown codes are "not in catalog"', () => {
    expect(explain('AADSTS9999999')).toEqual({ code: 'AADSTS9999999', kind: 'aadsts', known: false });
    expect(explain('IDX99999')).toEqual({ code: 'IDX99999', kind: 'idx', known: false });
  });

  it('malformed input is not a code', () => {
    expect(explain('invalid_client')).toBeUndefined();
    expect(explain('')).toBeUndefined();
  });
});
