import { describe, expect, it } from 'vitest';
import { parseDotNetTime } from '../../../src/ingest/saz/dotnet-time.js';
import { parseSessionMetadata } from '../../../src/ingest/saz/metadata.js';
import { producerFromComment } from '../../../src/ingest/saz/producer.js';
import { readSessionXml } from '../../../src/ingest/saz/session-xml.js';
import { countWebSocketMessages } from '../../../src/ingest/saz/websocket-log.js';
import { metadataXml } from './saz-builder.js';

describe('parseDotNetTime', () => {
  it.each([
    ['2020-09-01T13:57:52.2118610-06:00', Date.UTC(2020, 8, 1, 19, 57, 52, 211) + 0.861],
    ['2020-09-01T13:57:52.211861-06:00', Date.UTC(2020, 8, 1, 19, 57, 52, 211) + 0.861],
    ['2018-11-26T17:07:03.0112147+09:00', Date.UTC(2018, 10, 26, 8, 7, 3, 11) + 0.2147],
    ['2024-01-01T00:00:00Z', Date.UTC(2024, 0, 1)],
    ['2024-01-01T05:30:00+05:30', Date.UTC(2024, 0, 1)],
    ['2024-01-01T00:00:00', Date.UTC(2024, 0, 1)],
  ])('%s', (text, ms) => {
    expect(parseDotNetTime(text)).toBeCloseTo(ms, 4);
  });

  it.each(['0001-01-01T00:00:00', '0001-01-01T00:00:00.0000000+00:00', 'yesterday', ''])('%j is not a time', (text) => {
    expect(parseDotNetTime(text)).toBeUndefined();
  });
});

describe('parseSessionMetadata', () => {
  it('turns timers into offsets from ClientBeginRequest and reads flags', () => {
    const xml = metadataXml(
      42,
      {
        ClientConnected: '2024-01-01T10:00:00.0000000+01:00',
        ClientBeginRequest: '2024-01-01T10:00:00.2500000+01:00',
        ServerGotRequest: '2024-01-01T10:00:00.3000000+01:00',
        ServerBeginResponse: '0001-01-01T00:00:00',
        ClientDoneResponse: '2024-01-01T10:00:01.0000000+01:00',
        DNSTime: '12',
      },
      { 'x-clientip': '127.0.0.1', 'ui-comments': 'token &quot;refresh&quot; &amp; retry', 'X-ProcessInfo': 'msedge:123' },
      '40001',
    );
    const meta = parseSessionMetadata(Buffer.from(xml))!;
    expect(meta.sid).toBe('42');
    expect(meta.bitFlags).toBe(0x40001);
    expect(meta.startedAt).toBe(Date.UTC(2024, 0, 1, 9, 0, 0, 250));
    expect(meta.durationMs).toBe(750);
    expect(meta.timers).toEqual({ ClientConnected: -250, ClientBeginRequest: 0, ServerGotRequest: 50, ClientDoneResponse: 750, DNSTime: 12 });
    expect(meta.flags.get('ui-comments')).toBe('token "refresh" & retry');
    expect(meta.flags.get('x-processinfo')).toBe('msedge:123');
  });

  it('falls back to ClientConnected when ClientBeginRequest is not set', () => {
    const meta = parseSessionMetadata(Buffer.from(metadataXml(1, { ClientConnected: '2024-01-01T00:00:01Z', ClientBeginRequest: '0001-01-01T00:00:00' })))!;
    expect(meta.startedAt).toBe(Date.UTC(2024, 0, 1, 0, 0, 1));
    expect(meta.durationMs).toBe(-1);
  });

  it('reads single-quoted attributes', () => {
    const single = "<Session SID='7' BitFlags='1'><SessionTimers ClientBeginRequest='2024-01-01T00:00:00Z'/><SessionFlags><SessionFlag N='x-hostip' V='10.0.0.1'/></SessionFlags></Session>";
    const meta = parseSessionMetadata(Buffer.from(single))!;
    expect(meta).toMatchObject({ sid: '7', bitFlags: 1, startedAt: Date.UTC(2024, 0, 1) });
    expect(meta.flags.get('x-hostip')).toBe('10.0.0.1');
  });

  it('reads timers written as child elements through the general XML parser', () => {
    const xml = '<Session SID="9"><SessionTimers><ClientBeginRequest>2024-01-01T00:00:00Z</ClientBeginRequest><ClientDoneResponse>2024-01-01T00:00:02Z</ClientDoneResponse></SessionTimers></Session>';
    const meta = parseSessionMetadata(Buffer.from(xml))!;
    expect(meta).toMatchObject({ sid: '9', startedAt: Date.UTC(2024, 0, 1), durationMs: 2000 });
  });

  it('returns undefined for something that is not session metadata', () => {
    expect(parseSessionMetadata(Buffer.from('not xml at all'))).toBeUndefined();
    expect(readSessionXml('<Other/>')).toBeUndefined();
  });
});

describe('countWebSocketMessages', () => {
  const message = (dir: 'Request' | 'Response', payload: Buffer): Buffer =>
    Buffer.concat([Buffer.from(`${dir}-Length: ${payload.length}\r\nID: 1\r\nBitFlags: 0\r\nDoneRead: 2018-11-26T17:07:03.6899253+09:00\r\n\r\n`), payload, Buffer.from('\r\n')]);

  it('counts messages and skips payloads, even ones containing blank lines and fake headers', () => {
    const tricky = Buffer.from('\r\n\r\nRequest-Length: 5\r\n\r\nxxxxx');
    const log = Buffer.concat([Buffer.from('\r\n'), message('Request', Buffer.from([0x81, 0x9c, 1, 2])), message('Response', tricky), message('Request', Buffer.alloc(0))]);
    expect(countWebSocketMessages(log)).toBe(3);
  });

  it('is 0 for an empty log', () => {
    expect(countWebSocketMessages(Buffer.alloc(0))).toBe(0);
  });
});

describe('producerFromComment', () => {
  it.each([
    ['Fiddler (v5.0.20194.41348) Session Archive. See https://fiddler2.com', 'Fiddler 5.0.20194.41348'],
    ['FiddlerCore SAZSupport (v4.6.0.2) Session Archive. See http://www.fiddler2.com', 'FiddlerCore 4.6.0.2'],
    ['Fiddler Web Debugger (v4.6.20171.26113) DotNetZip v1.9.1.8 Session Archive.', 'Fiddler Web Debugger 4.6.20171.26113'],
    ['SomeTool 2 Session Archive.', 'SomeTool 2'],
    ['', 'Fiddler (SAZ)'],
  ])('%j', (comment, producer) => {
    expect(producerFromComment(Buffer.from(comment))).toBe(producer);
  });
});
