// Writes captured sessions as a Fiddler Session Archive, following the layout
// of archives saved by Fiddler Classic 5: a zip (deflate) with raw/,
// raw/NN_c.txt, raw/NN_m.xml, raw/NN_s.txt per session (NN zero-padded to the
// digit count of the session count), then [Content_Types].xml and
// _index.htm, and Fiddler's archive comment.
import fs from 'node:fs';
import { TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

const BOM = '\uFEFF';
const TIMER_NAMES = ['ClientConnected', 'ClientBeginRequest', 'GotRequestHeaders', 'ClientDoneRequest', 'GatewayTime', 'DNSTime',
  'TCPConnectTime', 'HTTPSHandshakeTime', 'ServerConnected', 'FiddlerBeginRequest', 'ServerGotRequest', 'ServerBeginResponse',
  'GotResponseHeaders', 'ServerDoneResponse', 'ClientBeginResponse', 'ClientDoneResponse'];
const DURATION_TIMERS = new Set(['GatewayTime', 'DNSTime', 'TCPConnectTime', 'HTTPSHandshakeTime']);

/**
 * .NET round-trip time in a fixed local offset, as XmlConvert writes it:
 * up to 7 fractional digits with trailing zeros dropped, e.g.
 * 2020-09-01T13:57:52.211861-06:00. Missing times are 0001-01-01T00:00:00.
 */
export function dotnetRoundTrip(epochMs, offsetMinutes) {
  if (epochMs === undefined) return '0001-01-01T00:00:00';
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * 60000);
  const ticks = String(Math.floor((epochMs - Math.floor(epochMs / 1000) * 1000) * 10000)).padStart(7, '0').replace(/0+$/, '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local.toISOString().slice(0, 19)}${ticks ? `.${ticks}` : ''}${off}`;
}

const xmlAttr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function metadataXml(session, offsetMinutes) {
  const timers = TIMER_NAMES.map((n) => (DURATION_TIMERS.has(n)
    ? `${n}="${session.durations?.[n] ?? 0}"`
    : `${n}="${dotnetRoundTrip(session.timers[n], offsetMinutes)}"`)).join(' ');
  const flags = (session.flags ?? []).map(([n, v]) => `    <SessionFlag N="${xmlAttr(n)}" V="${xmlAttr(v)}" />`).join('\r\n');
  const tunnel = session.kind === 'tunnel' ? `\r\n  <TunnelInfo BytesEgress="0" BytesIngress="0" />` : '';
  return `${BOM}<?xml version="1.0" encoding="utf-8"?>\r\n<Session SID="${session.id}" BitFlags="${session.bitFlags}">\r\n  <SessionTimers ${timers} />\r\n  <PipeInfo />${tunnel}\r\n  <SessionFlags>\r\n${flags}\r\n  </SessionFlags>\r\n</Session>`;
}

function indexHtml(sessions, pad) {
  const rows = sessions.map((s) => {
    const n = String(s.id).padStart(pad, '0');
    const m = s.summary ?? {};
    const cells = [s.id, m.result ?? '', m.protocol ?? '', m.host ?? '', m.url ?? '', m.body ?? '', m.caching ?? '', m.contentType ?? '', m.process ?? '', '', '']
      .map((c) => `<td>${String(c).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</td>`).join('');
    return `<tr><td><a href='raw\\${n}_c.txt'>C</a>&nbsp;<a href='raw\\${n}_s.txt'>S</a>&nbsp;<a href='raw\\${n}_m.xml'>M</a></td>${cells}</tr>`;
  }).join('');
  return `${BOM}<html><head><style>body,thead,td,a,p{font-family:verdana,sans-serif;font-size: 10px;}</style></head><body><table cols=12><thead><tr><th>&nbsp;</th><th>#</th><th>Result</th><th>Protocol</th><th>Host</th><th>URL</th><th>Body</th><th>Caching</th><th>Content-Type</th><th>Process</th><th>Comments</th><th>Custom</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="utf-8" ?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\r\n<Default Extension="htm" ContentType="text/html" />\r\n<Default Extension="xml" ContentType="application/xml" />\r\n<Default Extension="txt" ContentType="text/plain" />\r\n</Types>`;

export async function writeSaz(path, sessions, { offsetMinutes = 0, fiddlerVersion = '5.0.20211.51073' } = {}) {
  const pad = Math.max(2, String(sessions.length).length);
  // Entries as Fiddler's zip library writes them: made by "FAT" 4.5, no data descriptors.
  const writer = new ZipWriter(new Uint8ArrayWriter(), {
    level: 6, useWebWorkers: false, extendedTimestamp: false, dataDescriptor: false, msDosCompatible: true, versionMadeBy: 45, version: 20,
  });
  const lastModDate = new Date(sessions.at(-1)?.timers.ClientDoneResponse ?? Date.now());
  await writer.add('raw/', undefined, { directory: true, lastModDate });
  for (const s of sessions) {
    const n = String(s.id).padStart(pad, '0');
    await writer.add(`raw/${n}_c.txt`, new Uint8ArrayReader(new Uint8Array(s.requestRaw)), { lastModDate });
    await writer.add(`raw/${n}_m.xml`, new TextReader(metadataXml(s, offsetMinutes)), { lastModDate });
    await writer.add(`raw/${n}_s.txt`, new Uint8ArrayReader(new Uint8Array(s.responseRaw ?? Buffer.alloc(0))), { lastModDate });
  }
  await writer.add('[Content_Types].xml', new TextReader(CONTENT_TYPES), { lastModDate });
  await writer.add('_index.htm', new TextReader(indexHtml(sessions, pad)), { lastModDate });
  const comment = new TextEncoder().encode(`Fiddler (v${fiddlerVersion}) Session Archive. See https://fiddler2.com`);
  fs.writeFileSync(path, await writer.close(comment));
}
