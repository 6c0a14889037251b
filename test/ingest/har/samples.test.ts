import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { headerValue } from '../../../src/model/index.js';
import { readHarBody } from '../../../src/ingest/har/index.js';
import { InputError } from '../../../src/ingest/errors.js';
import { fixture, readAll } from './read-all.js';

/** Real exports from many producers: entry counts and producer names. */
const SAMPLES: [file: string, entries: number, producer: string][] = [
  ['brave.har', 18, 'Chrome 111 DevTools (WebInspector 537.36)'],
  ['charles.har', 1, 'Charles Proxy 4.6.3'],
  ['chrome.har', 3, 'Chrome 110 DevTools (WebInspector 537.36)'],
  ['corrupted_gzip_body.har', 1, 'mitmproxy 1.2.3'],
  ['diff_data.har', 5, 'mitmproxy 1.2.3'],
  ['edge.har', 22, 'Edge 111 DevTools (WebInspector 537.36)'],
  ['error_log.har', 2, 'mitmproxy 1.2.3'],
  ['event_stream.har', 2, 'mitmproxy 1.2.3'],
  ['example.har', 3, 'Firefox 118.0.1'],
  ['firefox.har', 14, 'Firefox 111.0.1'],
  ['har-fulfill.har', 5, 'Playwright 1.23.0-next (chromium 103.0.5060.33)'],
  ['har-redirect.har', 3, 'Playwright 1.23.0-next (chromium 103.0.5060.42)'],
  ['har-sha1.har', 1, 'Playwright 1.23.0-next (chromium 103.0.5060.33)'],
  ['head-content-length.har', 1, 'Firefox 111.0.1'],
  ['incomplete_log.har', 4, 'mitmproxy 1.2.3'],
  ['insomnia.har', 1, 'Insomnia REST Client insomnia.desktop.app:v2022.1.1'],
  ['postdata.har', 1, 'Chrome 114 DevTools (WebInspector 537.36)'],
  ['safari.har', 19, 'Safari 16.3 (WebKit Web Inspector 1.0)'],
  ['successful_log.har', 2, 'mitmproxy 1.2.3'],
  ['timed_out.har', 33, 'Chrome 114 DevTools (WebInspector 537.36)'],
  ['websocket.har', 3, 'mitmproxy 1.2.3'],
  ['with-bom.har', 1, 'Chrome 114 DevTools (WebInspector 537.36)'],
];

describe.each(SAMPLES)('%s', (file, count, producer) => {
  test(`${count} entries in file order, producer, size and sha256 of the whole file`, async () => {
    const { info, entries, warnings } = await readAll(fixture(file));
    const bytes = readFileSync(fixture(file));
    expect(entries.map((e) => e.index)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(entries.every((e) => e.input === 0 && e.source === 'har' && Number.isFinite(e.startedAt))).toBe(true);
    expect(info).toMatchObject({ format: 'har', entries: count, producer, sizeBytes: statSync(fixture(file)).size });
    expect(info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    // Mainstream producers' quirks are tolerated, not reported.
    expect(warnings).toEqual([]);
  });
});

describe('field normalization on real exports', () => {
  test('Chrome: pseudo-headers, status 0 with _error, base64 text decoded, base64 image kept binary', async () => {
    const { entries, info } = await readAll(fixture('chrome.har'));
    const [first, failed, image] = entries;
    expect(headerValue(first!.request.headers, ':authority')).toBe('mitmproxy.org');
    expect(first!.response.status).toBe(304);
    expect(first!.response.body).toMatchObject({ size: 23866, mimeType: 'text/html' });
    expect(first!.response.body!.text!.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(failed!.response).toMatchObject({ status: 0, error: 'net::ERR_INTERNET_DISCONNECTED' });
    expect(image!.response.body).toMatchObject({ size: 7108, mimeType: 'image/png', binary: true });
    expect(image!.response.body!.text).toBeUndefined();
    expect(first!.timers).toEqual({
      blocked: 5.397000045232475,
      send: 0.2370000000000001,
      wait: 7.330000007074326,
      receive: 1.7019999795593321,
      _blocked_queueing: 3.293000045232475,
    });
    expect(first!.meta).toMatchObject({ resourceType: 'document', initiator: 'other', pageref: 'page_1' });
    expect(image!.meta).toMatchObject({ initiator: 'parser', initiatorUrl: 'https://www.google.com/' });
    expect(info.pages).toEqual([
      { id: 'page_1', title: 'https://mitmproxy.org/', startedAt: Date.parse('2023-03-30T00:00:54.253Z') },
    ]);
  });

  test('a binary body read back through its location equals the base64 the HAR holds', async () => {
    const { entries } = await readAll(fixture('brave.har'));
    const png = entries[3]!.response.body!;
    expect(png).toMatchObject({ size: 117218, binary: true, location: { kind: 'har-string', base64: true } });
    const original = JSON.parse(readFileSync(fixture('brave.har'), 'utf8')).log.entries[3].response.content.text;
    const bytes = await readHarBody(png.location as never);
    expect(bytes.length).toBe(117218);
    expect(bytes.toString('base64')).toBe(original);
    expect(entries[3]!.meta).toMatchObject({ fromCache: 'memory', connection: '575' });
  });

  test('Firefox: local offsets give the right epoch; bodies it did not keep are marked not-saved', async () => {
    const { entries, info } = await readAll(fixture('firefox.har'));
    expect(entries[0]!.startedAt).toBe(Date.UTC(2023, 2, 29, 23, 58, 59, 303));
    expect(entries.slice(1, 6).map((e) => e.response.body?.problem)).toEqual(Array(5).fill('not-saved'));
    expect(info.pages?.[0]).toEqual({ id: 'page_1', title: 'mitmproxy - an interactive HTTPS proxy', startedAt: Date.UTC(2023, 2, 29, 23, 58, 59, 303) });
  });

  test('mitmproxy: microsecond times, failed flows, form bodies, websocket message counts', async () => {
    const errors = (await readAll(fixture('error_log.har'))).entries;
    expect(errors[0]!.startedAt).toBeCloseTo(Date.UTC(2023, 6, 25, 11, 3, 15) + 216.374, 3);
    expect(errors[0]!.response.status).toBe(0);
    expect(errors[0]!.response.error).toMatch(/^Multiple exceptions/);
    expect(errors[1]!.response.status).toBe(405);
    const ok = (await readAll(fixture('successful_log.har'))).entries;
    expect(ok[1]!.request.body).toMatchObject({ text: 'key1=value1&key2=value2', mimeType: 'application/x-www-form-urlencoded' });
    const ws = (await readAll(fixture('websocket.har'))).entries;
    expect(ws.map((e) => [e.response.status, e.meta?.resourceType, e.meta?.webSocketMessages])).toEqual([
      [101, 'websocket', '1'],
      [101, 'websocket', '1'],
      [101, 'websocket', '3'],
    ]);
    const incomplete = (await readAll(fixture('incomplete_log.har'))).entries;
    expect(incomplete.map((e) => e.response.status)).toEqual([0, 0, 0, 0]);
  });

  test('mitmproxy: an undecodable gzip body stays binary with a problem instead of failing', async () => {
    const [entry] = (await readAll(fixture('corrupted_gzip_body.har'))).entries;
    expect(entry!.response.body).toMatchObject({ binary: true, problem: 'undecodable: gzip', size: 24 });
  });

  test('Safari: fractional timings and base64 fonts', async () => {
    const { entries } = await readAll(fixture('safari.har'));
    expect(entries[0]!.timers?.dns).toBe(50.99903920199722);
    expect(entries[13]!.response.body).toMatchObject({ mimeType: 'font/woff2', binary: true });
  });

  test('Charles: no pages, local offset', async () => {
    const { entries, info } = await readAll(fixture('charles.har'));
    expect(info.pages).toBeUndefined();
    expect(entries[0]!.startedAt).toBe(Date.UTC(2023, 2, 30, 0, 37, 42, 482));
  });

  test('Playwright: redirects keep redirectURL; a missing _file attachment is a body problem', async () => {
    const redirects = (await readAll(fixture('har-redirect.har'))).entries;
    expect(redirects.map((e) => [e.response.status, e.response.redirectURL])).toEqual([
      [301, 'http://www.theverge.com/'],
      [301, 'https://www.theverge.com/'],
      [200, undefined],
    ]);
    const [attached] = (await readAll(fixture('har-sha1.har'))).entries;
    expect(attached!.response.body).toEqual({ size: 12, mimeType: 'text/html', problem: 'attachment missing: har-sha1-main-response.txt' });
  });

  test('postData text, and a BOM changes nothing', async () => {
    const plain = (await readAll(fixture('postdata.har'))).entries;
    const bom = (await readAll(fixture('with-bom.har'))).entries;
    expect(plain[0]!.request.body!.mimeType).toBe('text/plain;charset=UTF-8');
    expect(plain[0]!.request.body!.text!.startsWith('{"metadata":{"pageViewId":1689428126308')).toBe(true);
    expect(bom).toEqual(plain);
  });

  test('two pages and many failed requests (timed out capture)', async () => {
    const { entries, info } = await readAll(fixture('timed_out.har'));
    expect(info.pages?.map((p) => p.id)).toEqual(['page_1', 'page_2']);
    expect(entries.filter((e) => e.response.status === 0)).toHaveLength(21);
  });

  test('not HARs: a broken stub and a wrapper without a top-level log', async () => {
    await expect(readAll(fixture('brokenfile.har'))).rejects.toThrow(new InputError('no-log', `${fixture('brokenfile.har')}: log is not an object`));
    await expect(readAll(fixture('har_extractor.har'))).rejects.toThrow(`${fixture('har_extractor.har')}: no log object at top level`);
  });
});
