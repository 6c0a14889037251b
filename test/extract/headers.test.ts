import { describe, expect, it } from 'vitest';
import { headerValue, headerValues, type Header } from '../../src/model/index.js';
import { allHeaders, firstHeader } from '../../src/extract/util/headers.js';

describe('response header lookups', () => {
  const a: Header[] = [
    { name: 'Location', value: 'https://a/1' },
    { name: 'set-cookie', value: 'x=1' },
    { name: 'SET-COOKIE', value: 'y=2' },
    { name: 'Date', value: 'Fri, 14 Mar 2025 08:30:45 GMT' },
  ];
  const b: Header[] = [{ name: 'location', value: 'https://b/1' }];
  const c: Header[] = [];

  it('give what headerValue and headerValues give, whatever list was asked before', () => {
    for (const list of [a, b, c, a, c, b, a]) {
      for (const name of ['location', 'set-cookie', 'date', 'age', 'www-authenticate']) {
        expect(firstHeader(list, name)).toBe(headerValue(list, name));
        expect([...allHeaders(list, name)]).toEqual(headerValues(list, name));
      }
    }
  });

  it('see a header added to a list already asked about', () => {
    const list: Header[] = [{ name: 'Date', value: 'd' }];
    expect(firstHeader(list, 'age')).toBeUndefined();
    list.push({ name: 'Age', value: '5' });
    expect(firstHeader(list, 'age')).toBe('5');
  });
});
