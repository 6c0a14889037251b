/**
 * One exchange as Fiddler saves it: raw HTTP/1.1 request and response bytes
 * (bodies as on the wire: gzip'd, some chunked) and the `_m.xml` metadata with
 * SessionTimers in .NET round-trip format on a local clock.
 */
import { gzipSync } from 'node:zlib';

const CRLF = '\r\n';
/** The capturing machine's clock: Central European Time, as many support traces are. */
const LOCAL_OFFSET_MIN = 60;
const WIRE_DROPPED = new Set(['content-length', 'content-encoding', 'transfer-encoding']);

function httpName(name) {
  return name.replace(/(^|-)([a-z])/g, (_, dash, c) => dash + c.toUpperCase());
}

function head(startLine, pairs) {
  return startLine + CRLF + pairs.map(([n, v]) => `${n}: ${v}`).join(CRLF) + CRLF + CRLF;
}

export function requestBytes(ex) {
  const host = new URL(ex.url).host;
  const pairs = [['Host', host], ['Connection', 'keep-alive']];
  for (const [n, v] of ex.reqHeaders) if (!n.startsWith(':')) pairs.push([httpName(n), v]);
  const body = ex.reqBody ? Buffer.from(ex.reqBody.text) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from(head(`${ex.method} ${ex.url} HTTP/1.1`, pairs)), body]);
}

function chunked(rng, body) {
  const parts = [];
  for (let at = 0; at < body.length; ) {
    const n = Math.min(body.length - at, rng.int(4096, 32768));
    parts.push(Buffer.from(`${n.toString(16)}${CRLF}`), body.subarray(at, at + n), Buffer.from(CRLF));
    at += n;
  }
  parts.push(Buffer.from(`0${CRLF}${CRLF}`));
  return Buffer.concat(parts);
}

/** Response bytes; an exchange the browser never got answered leaves `_s.txt` empty. */
export function responseBytes(ex, rng) {
  if (ex.error !== undefined) return Buffer.alloc(0);
  const pairs = ex.respHeaders.filter(([n]) => !WIRE_DROPPED.has(n)).map(([n, v]) => [httpName(n), v]);
  let body = ex.binary ?? Buffer.from(ex.text ?? '');
  if (ex.text !== undefined && body.length > 1024) {
    body = gzipSync(body, { level: 6 });
    pairs.push(['Content-Encoding', 'gzip']);
  }
  if (body.length > 8192 && rng.chance(0.3)) {
    pairs.push(['Transfer-Encoding', 'chunked']);
    body = chunked(rng, body);
  } else pairs.push(['Content-Length', String(body.length)]);
  return Buffer.concat([Buffer.from(head(`HTTP/1.1 ${ex.status} ${ex.statusText}`, pairs)), body]);
}

/** .NET "o" format on the local clock: 2025-03-14T09:30:00.1234567+01:00. */
export function dotnetTime(ms) {
  const local = new Date(ms + LOCAL_OFFSET_MIN * 60_000).toISOString().slice(0, 19);
  const ticks = String(Math.round((ms % 1000) * 10_000)).padStart(7, '0');
  const sign = LOCAL_OFFSET_MIN >= 0 ? '+' : '-';
  const off = Math.abs(LOCAL_OFFSET_MIN);
  return `${local}.${ticks}${sign}${String(Math.floor(off / 60)).padStart(2, '0')}:${String(off % 60).padStart(2, '0')}`;
}

function xmlAttr(v) {
  return String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function metadataXml(ex, sid, responseLength) {
  const t = ex.timings;
  const start = ex.time;
  const sent = start + t.blocked + t.send;
  const firstByte = sent + t.wait;
  const done = firstByte + t.receive;
  const timers = {
    ClientConnected: start - 2, ClientBeginRequest: start, GotRequestHeaders: start, ClientDoneRequest: start + t.send,
    GatewayTime: 0, DNSTime: 0, TCPConnectTime: 0, HTTPSHandshakeTime: 0, ServerConnected: start + t.blocked, FiddlerBeginRequest: sent,
    ServerGotRequest: sent, ServerBeginResponse: firstByte, GotResponseHeaders: firstByte, ServerDoneResponse: done, ClientBeginResponse: firstByte, ClientDoneResponse: done,
  };
  const attrs = Object.entries(timers)
    .map(([k, v]) => `${k}="${k.endsWith('Time') ? v : dotnetTime(v)}"`)
    .join(' ');
  const flags = [
    ['x-responsebodytransferlength', responseLength], ['x-egressport', 50000 + (sid % 9000)], ['x-clientport', 60000 + (sid % 5000)],
    ['x-clientip', '127.0.0.1'], ['x-hostip', ex.serverIp], ['x-processinfo', 'chrome:11424'],
  ];
  if (ex.status === 401) flags.push(['ui-comments', 'refused token']);
  const flagXml = flags.map(([n, v]) => `    <SessionFlag N="${n}" V="${xmlAttr(v)}" />`).join('\r\n');
  return `\ufeff<?xml version="1.0" encoding="utf-8"?>\r\n<Session SID="${sid}" BitFlags="81">\r\n  <SessionTimers ${attrs} />\r\n  <PipeInfo Streamed="true" Reused="true" />\r\n  <SessionFlags>\r\n${flagXml}\r\n  </SessionFlags>\r\n</Session>`;
}

/** Fiddler's own answer to a CONNECT it tunnelled (one per new host, before its decrypted sessions). */
export function connectSession(host, time) {
  const request = head(`CONNECT ${host}:443 HTTP/1.1`, [['Host', `${host}:443`]]) + 'A SSLv3-compatible ClientHello handshake was found. Fiddler extracted the parameters below.\r\n\r\nVersion: 3.3 (TLS/1.2)\r\n';
  const clock = new Date(time + LOCAL_OFFSET_MIN * 60_000).toISOString().slice(11, 23);
  const response = head('HTTP/1.1 200 Connection Established', [['FiddlerGateway', 'Direct'], ['StartTime', clock], ['Connection', 'close']]) +
    'Encrypted HTTPS traffic flows through this CONNECT tunnel. HTTPS Decryption is enabled in Fiddler, so decrypted sessions running in this tunnel will be shown in the Web Sessions list.\r\n\r\nSecure Protocol: Tls13\r\n';
  return { request: Buffer.from(request), response: Buffer.from(response) };
}
