import { describe, expect, it } from 'vitest';
import { entriesByRef, RefMap, type Session } from '../../src/extract/index.js';
import type { Entry } from '../../src/model/index.js';

describe('values by entry reference', () => {
  it('tell inputs and indexes apart, and the last value set wins', () => {
    const m = new RefMap<string>();
    m.set({ input: 0, index: 1 }, 'a');
    m.set({ input: 1, index: 0 }, 'b');
    m.set({ input: 0, index: 11 }, 'c');
    m.set({ input: 0, index: 1 }, 'd');
    expect([m.get({ input: 0, index: 1 }), m.get({ input: 1, index: 0 }), m.get({ input: 0, index: 11 })]).toEqual(['d', 'b', 'c']);
    expect([m.get({ input: 1, index: 1 }), m.get({ input: 2, index: 0 }), m.has({ input: 0, index: 0 })]).toEqual([undefined, undefined, false]);
  });

  it('follow the session when its entry list changes', () => {
    const entry = (index: number, url: string) => ({ input: 0, index, request: { url } }) as unknown as Entry;
    const session = { entries: [entry(1, 'https://a/'), entry(2, 'https://b/')] } as unknown as Session;
    expect(entriesByRef(session).get({ input: 0, index: 2 })?.request.url).toBe('https://b/');
    session.entries.push(entry(3, 'https://c/'));
    expect(entriesByRef(session).get({ input: 0, index: 3 })?.request.url).toBe('https://c/');
    session.entries = [entry(1, 'https://z/')];
    expect(entriesByRef(session).get({ input: 0, index: 1 })?.request.url).toBe('https://z/');
    expect(entriesByRef(session).get({ input: 0, index: 2 })).toBeUndefined();
  });
});
