/** What every Entry a reader yields must look like, however broken its input was. */
import { expect } from 'vitest';
import type { BodyRef, Entry, Header } from '../../src/model/index.js';

function saneHeaders(headers: Header[], where: string): void {
  expect(Array.isArray(headers), where).toBe(true);
  for (const h of headers) {
    expect(typeof h.name, `${where} name`).toBe('string');
    expect(typeof h.value, `${where} value`).toBe('string');
  }
}

function saneBody(body: BodyRef | undefined, where: string): void {
  if (body === undefined) return;
  expect(typeof body.size, `${where}.size`).toBe('number');
  expect(typeof body.mimeType, `${where}.mimeType`).toBe('string');
  if (body.text !== undefined) expect(typeof body.text, `${where}.text`).toBe('string');
  if (body.fragments !== undefined) expect(body.fragments.every((f) => typeof f === 'string'), `${where}.fragments`).toBe(true);
}

export function expectSaneEntry(e: Entry, input: number, index: number): void {
  expect(e.input).toBe(input);
  expect(e.index).toBe(index);
  expect(typeof e.startedAt).toBe('number');
  expect(Number.isNaN(e.startedAt), 'startedAt is NaN').toBe(false);
  expect(typeof e.durationMs).toBe('number');
  expect(typeof e.request.method).toBe('string');
  expect(typeof e.request.url).toBe('string');
  expect(typeof e.request.httpVersion).toBe('string');
  saneHeaders(e.request.headers, 'request.headers');
  saneBody(e.request.body, 'request.body');
  expect(Number.isFinite(e.response.status), `status ${e.response.status}`).toBe(true);
  expect(typeof e.response.statusText).toBe('string');
  saneHeaders(e.response.headers, 'response.headers');
  saneBody(e.response.body, 'response.body');
  expect(['har', 'saz']).toContain(e.source);
}
