import { describe, expect, test } from 'vitest';
import { applyFilter, buildFilter, FilterSyntaxError, parseFilter } from '../../src/tui/filter/index.js';
import { tokenize } from '../../src/tui/filter/tokenizer.js';
import { buildTimeline } from '../../src/tui/model/timeline.js';
import { makeSignInData } from './fixtures.js';

const model = buildTimeline(makeSignInData());

/** File indexes of the entries a filter keeps, in timeline order. */
function matches(text: string): number[] {
  const built = buildFilter(text);
  if (!built.ok) throw new Error(built.error);
  return [...applyFilter(model.rows, built.predicate)].map((i) => model.rows[i]!.entry.index);
}

describe('tokenizer', () => {
  test('operators at token start, words run until space ( ) ~ or quotes', () => {
    expect(tokenize('!~u a|b & (~m GET)').map((t) => t.kind)).toEqual(['not', 'filter', 'word', 'and', 'lparen', 'filter', 'word', 'rparen']);
    expect(tokenize('~u a|b')[1]).toMatchObject({ kind: 'word', value: 'a|b' });
  });
  test('quoted values keep spaces and regex escapes, unescape the quote', () => {
    expect(tokenize('~h "x-ms-\\d+: \\"1\\""')[1]).toMatchObject({ kind: 'word', value: 'x-ms-\\d+: "1"', quoted: true });
  });
  test('errors carry a column', () => {
    expect(() => tokenize('~u "open')).toThrow(FilterSyntaxError);
    expect(() => tokenize('~ u')).toThrow(/filter name after ~ \(at column 1\)/);
  });
});

describe('parser', () => {
  test('precedence: ! binds tightest, then &, then |, juxtaposition is a lowest-level and', () => {
    expect(parseFilter('a | b & !c')).toEqual({
      type: 'or',
      items: [
        { type: 'test', name: 'u', arg: 'a', pos: 0 },
        { type: 'and', items: [{ type: 'test', name: 'u', arg: 'b', pos: 4 }, { type: 'not', item: { type: 'test', name: 'u', arg: 'c', pos: 9 } }] },
      ],
    });
    expect(parseFilter('a | b c')).toMatchObject({ type: 'and', items: [{ type: 'or' }, { type: 'test', arg: 'c' }] });
  });
  test('~aadsts takes a code only when the next word looks like one', () => {
    expect(parseFilter('~aadsts 50011')).toMatchObject({ type: 'test', name: 'aadsts', arg: '50011' });
    expect(parseFilter('~aadsts login')).toEqual({
      type: 'and',
      items: [
        { type: 'test', name: 'aadsts', pos: 0 },
        { type: 'test', name: 'u', arg: 'login', pos: 8 },
      ],
    });
  });
  test.each([
    ['', /empty filter/],
    ['~u', /~u needs a value/],
    ['~nope x', /unknown filter ~nope/],
    ['(~s', /missing '\)'/],
    ['~s)', /unmatched '\)'/],
    ['& ~s', /expression expected before '&'/],
    ['~s |', /expression expected/],
    ['()', /empty parentheses/],
    ['!'.repeat(500) + '~s', /nested too deeply/],
  ])('rejects %j', (text, message) => {
    expect(() => parseFilter(text)).toThrow(message);
  });
});

describe('buildFilter never throws', () => {
  test.each([
    ['~u (', /~u needs a value/],
    ['~u a[', /~u: invalid regex/],
    ['~c abc', /~c needs a status code/],
    ['~sev fatal', /~sev needs error, warning or info/],
    ['"unterminated', /unterminated double quote/],
  ])('%j → error message with a column', (text, message) => {
    const built = buildFilter(text);
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.error).toMatch(message);
      expect(built.error).toMatch(/\(at column \d+\)$/);
    }
  });
});

describe('matching the sign-in fixture', () => {
  test.each([
    ['~c 401', [23, 24, 25]],
    ['~c 4xx', [23, 24, 25, 26]],
    ['~m post', [6, 8, 22, 31]],
    ['~d ^api\\.contoso & ~u profile', [11, 25, 29]],
    ['/profile', [11, 25, 29]],
    ['~u token & !~c 200', []],
    ['~h "www-authenticate: .*IDX10501"', [23, 24, 25]],
    ['~hs IDX10501', [23, 24, 25]],
    ['~hq IDX10501', []],
    ['~b access_as_user', [8, 22]],
    ['~bq grant_type=refresh', [22]],
    ['~t problem\\+json', [23, 24]],
    ['~aadsts 50011', [30]],
    ['~aadsts AADSTS50011', [30]],
    ['~aadsts 5001', []],
    ['~idx 10501', [23, 24, 25, 27, 28]],
    ['~kid newkid', [22, 23, 24, 25, 27, 28, 29, 31, 32, 33, 34, 35, 36, 37, 38]],
    ['~aud contoso-api & ~c 401', [23, 24, 25]],
    ['~sev warning', [30]],
    ['~sev info', [10, 11, 13]],
    ['~err & !~sev error', [10, 11, 13, 30]],
    ['~expired', []],
    ['~jwt & ~u logout', [40]],
    ['~s & ~q', []],
    ['(~c 302 | ~c 204) & ~d contoso', [21, 39]],
    ['(~c 302 | ~c 204) ~d microsoftonline', [6]],
  ])('%j', (text, expected) => {
    expect(matches(text)).toEqual(expected);
  });

  test('~b sees only text in memory: a body that is only on disk never matches', () => {
    // #2's JavaScript body is only on "disk" (a location, no text).
    expect(matches('~b "function main"')).toEqual([]);
    expect(matches('~u app\\.js')).toEqual([2]);
  });

  test('~b also searches fragments kept from large bodies', () => {
    const data = makeSignInData();
    const big = data.entries.find((e) => e.index === 2)!;
    big.response.body = { ...big.response.body!, fragments: ['AADSTS700016 in a bundle'] };
    const m = buildTimeline(data);
    const built = buildFilter('~b AADSTS700016');
    expect(built.ok && [...applyFilter(m.rows, built.predicate)].map((i) => m.rows[i]!.entry.index)).toEqual([2]);
  });

  test('~expired matches entries named by a token-expired finding', () => {
    const data = makeSignInData();
    data.report.findings.push({ ...data.report.findings[2]!, id: 'F4', rule: 'token-expired', entries: [{ input: 0, index: 36 }] });
    const m = buildTimeline(data);
    const built = buildFilter('~expired');
    expect(built.ok && [...applyFilter(m.rows, built.predicate)].map((i) => m.rows[i]!.entry.index)).toEqual([36]);
  });
});
