import { describe, expect, it } from 'vitest';
import { headerValue } from '../../../src/model/index.js';
import { isInputError } from '../../../src/ingest/errors.js';
import { openSaz, readSazBody } from '../../../src/ingest/saz/index.js';
import { readAll } from './read-entries.js';

const fixture = (name: string): string => `test/fixtures/saz/${name}`;

describe('real SAZ samples', () => {
  it.each([
    ['NewCaseName.saz', 56],
    ['NewCaseName1.saz', 3],
    ['NewCaseName_Coauth.saz', 220],
    ['abehiroshi.saz', 5],
    ['multipleSessions.saz', 4],
    ['sample.saz', 4],
    ['simple.saz', 1],
    ['test.saz', 14],
    ['websocket.saz', 2],
  ])('%s has %i sessions, numbered 1..n in file order', async (name, count) => {
    const { info, entries } = await readAll(fixture(name));
    expect(entries).toHaveLength(count);
    expect(info.entries).toBe(count);
    expect(entries.map((e) => e.index)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(entries.every((e) => e.source === 'saz' && e.input === 0)).toBe(true);
  });

  it('test.saz: Fiddler 5 producer, file hash, HTTPS URL, gzip body, timers with the local offset', async () => {
    const { info, entries, warnings } = await readAll(fixture('test.saz'));
    expect(info).toMatchObject({ format: 'saz', producer: 'Fiddler 5.0.20202.18177', sizeBytes: 126477 });
    expect(info.sha256).toBe('1773417dcd910e52fdbfc4784d79939ee936ec78e0903518f76e8c759f7f85f1');
    expect(warnings).toEqual([]);

    const first = entries[0]!;
    expect(first.request.method).toBe('GET');
    expect(first.request.url).toBe('https://www.fiddler2.com/UpdateCheck.aspx?isBeta=False');
    expect(first.response).toMatchObject({ status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1' });
    expect(first.response.body).toMatchObject({ decodedFrom: ['gzip'], mimeType: 'text/plain; charset=utf-8' });
    expect(first.response.body!.text!.startsWith('5\r\n0\r\n20202\r\n18177')).toBe(true);
    // ClientBeginRequest="2020-09-01T13:57:52.211861-06:00"
    expect(first.startedAt).toBeCloseTo(Date.UTC(2020, 8, 1, 19, 57, 52, 211) + 0.861, 3);
    // ClientDoneResponse="2020-09-01T13:57:52.506117-06:00"
    expect(first.durationMs).toBeCloseTo(294.256, 3);
    expect(first.timers).toMatchObject({ ClientBeginRequest: 0, DNSTime: 23, TCPConnectTime: 56, HTTPSHandshakeTime: 120 });
    expect(first.timers!.ServerBeginResponse).toBeCloseTo(293.2578, 3);
    expect(first.serverIp).toBe('50.56.19.116');
    expect(first.meta).toMatchObject({ sazNumber: '01', sazSessionId: '1', sazBitFlags: '81', egressPort: '52996' });
  });

  it('test.saz: CONNECT tunnels are entries with Fiddler\'s synthetic response', async () => {
    const { entries } = await readAll(fixture('test.saz'));
    const tunnel = entries[3]!;
    expect(tunnel.request.method).toBe('CONNECT');
    expect(tunnel.request.url).toBe('https://cdn.walkme.com:443');
    expect(tunnel.response).toMatchObject({ status: 200, statusText: 'Connection Established' });
    expect(tunnel.response.body!.text).toContain('This is a CONNECT tunnel');
    expect(tunnel.response.error).toBeUndefined();
    expect(tunnel.meta).toMatchObject({ tunnel: 'blind', process: 'chrome:4412', clientIp: '127.0.0.1', sniHost: 'cdn.walkme.com' });
    expect(entries.filter((e) => e.request.method === 'CONNECT')).toHaveLength(11);
  });

  it('websocket.saz: CONNECT on port 80, then the upgrade with its message count; +09:00 timers', async () => {
    const { entries } = await readAll(fixture('websocket.saz'));
    expect(entries[0]!.request.url).toBe('http://echo.websocket.org:80');
    const upgrade = entries[1]!;
    expect(upgrade.request.url).toBe('http://echo.websocket.org/?encoding=text');
    expect(upgrade.response.status).toBe(101);
    expect(headerValue(upgrade.request.headers, 'upgrade')).toBe('websocket');
    expect(upgrade.meta!.webSocketMessages).toBe('6');
    // ClientBeginRequest="2018-11-26T17:07:03.1962517+09:00"
    expect(upgrade.startedAt).toBeCloseTo(Date.UTC(2018, 10, 26, 8, 7, 3, 196) + 0.2517, 3);
    expect(upgrade.meta!.process).toBe('firefox:8308');
  });

  it('abehiroshi.saz: Shift_JIS pages decoded from the HTML meta charset; images binary and readable back', async () => {
    const { entries } = await readAll(fixture('abehiroshi.saz'));
    expect(entries[0]!.response.body!.text).toContain('<title>阿部寛のホームページ</title>');
    expect(entries[1]!.response.body!.text).toContain('<TITLE>メニュー</TITLE>');
    expect(entries[2]!.response.body!.text).toContain('<title>阿部 寛のホームページ</title>');
    const image = entries[3]!.response.body!;
    expect(image).toMatchObject({ binary: true, size: 65173, mimeType: 'image/jpeg' });
    expect(image.text).toBeUndefined();
    expect(image.location).toEqual({ kind: 'saz-member', path: fixture('abehiroshi.saz'), member: 'raw/4_s.txt' });
    const bytes = await readSazBody(image.location as { kind: 'saz-member'; path: string; member: string }, {});
    expect(bytes.length).toBe(65173);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
  });

  it('NewCaseName_Coauth.saz: chunked and gzip bodies are undone', async () => {
    const { entries } = await readAll(fixture('NewCaseName_Coauth.saz'));
    const decodedFrom = (e: (typeof entries)[number]): string => (e.response.body?.decodedFrom ?? []).join('+');
    expect(entries.filter((e) => decodedFrom(e).includes('chunked'))).toHaveLength(35);
    expect(entries.filter((e) => decodedFrom(e).includes('gzip'))).toHaveLength(49);
    const json = entries.find((e) => decodedFrom(e) === 'chunked+gzip' && e.response.body?.mimeType.startsWith('application/json'))!;
    expect(() => JSON.parse(json.response.body!.text!)).not.toThrow();
    expect(json.response.body!.problem).toBeUndefined();
  });

  it('NewCaseName.saz: Fiddler\'s own 408 responses carry their text as the error', async () => {
    const { entries } = await readAll(fixture('NewCaseName.saz'));
    const failed = entries.filter((e) => e.response.error);
    expect(failed.map((e) => e.index)).toEqual([39, 41, 43, 45]);
    expect(failed[0]!.response.status).toBe(408);
    expect(failed[0]!.response.error).toBe('The request body did not contain the specified number of bytes. Got 0, expected 17,202');
    expect(failed[0]!.meta).toMatchObject({ failedWhen: 'ReadingRequest', abortedWhen: 'Aborted' });
  });

  it('multipleSessions.saz: no _m.xml, malformed chunked kept as is, one saz-no-timers warning', async () => {
    const { entries, warnings, info } = await readAll(fixture('multipleSessions.saz'));
    expect(info.producer).toBe('Fiddler (SAZ)');
    expect(entries.map((e) => e.response.body!.text)).toEqual([1, 2, 3, 4].map((n) => `{"result":"Response ${n}"}`));
    expect(entries[0]!.response.body!.problem).toBe('declared chunked but not chunk-framed; kept as is');
    expect(entries[0]!.request.body!.text).toBe('{"request":"Request 1"}');
    expect(entries[0]!.request.url).toBe('http://localhost:9000/test');
    expect(entries.every((e) => e.startedAt === 0 && e.durationMs === -1 && e.timers === undefined)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.code).toBe('saz-no-timers');
    expect(warnings[0]!.entries).toHaveLength(4);
  });

  it('sample.saz: origin-form requests get their URL from the Host header', async () => {
    const { entries } = await readAll(fixture('sample.saz'));
    expect(entries.map((e) => `${e.request.method} ${e.request.url} ${e.response.status}`)).toEqual([
      'GET http://api.example.com/api/users 200',
      'POST http://api.example.com/api/users 201',
      'DELETE http://api.example.com/api/users/1 204',
      'GET http://api.example.com/api/users/999 404',
    ]);
    expect(entries[2]!.response.body).toBeUndefined();
    expect(entries[1]!.request.body!.text).toBe('{"name":"Jane Smith","email":"jane@example.com"}');
  });

  it('notASazFile.saz is refused with a one-line InputError naming the file', async () => {
    const path = fixture('notASazFile.saz');
    const error = await openSaz(path, { input: 0 }).catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message.startsWith(`${path}: `)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).not.toContain("I'm not a saz file");
  });

  it('a missing file is an InputError', async () => {
    const error = await openSaz(fixture('does-not-exist.saz'), { input: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not-found' });
  });
});
