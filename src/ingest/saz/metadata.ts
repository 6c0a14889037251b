/**
 * A session's _m.xml turned into what an Entry needs: when it started, how
 * long it took, its timers as offsets from the start, its flags.
 */
import { parseDotNetTime } from './dotnet-time.js';
import { readSessionXml } from './session-xml.js';
import { bytesToString } from '../text-bytes.js';

/** Fiddler's SessionFlags bits (BitFlags, written in hex). */
export const BIT_IS_HTTPS = 0x1;
export const BIT_RESPONSE_GENERATED_BY_FIDDLER = 0x100;
export const BIT_IS_BLIND_TUNNEL = 0x1000;
export const BIT_IS_DECRYPTING_TUNNEL = 0x2000;
export const BIT_IS_WEBSOCKET_TUNNEL = 0x40000;

export interface SessionMetadata {
  /** Fiddler's own session id (SID). */
  sid?: string;
  bitFlags: number;
  bitFlagsText?: string;
  /** Epoch ms, when a start timer was set. */
  startedAt?: number;
  /** -1 when unknown. */
  durationMs: number;
  /**
   * Timestamps as ms offsets from `startedAt` under Fiddler's names
   * (ClientConnected may be negative: the connection can predate the request),
   * plus Fiddler's own duration timers (DNSTime, TCPConnectTime...) in ms.
   */
  timers: Record<string, number>;
  /** SessionFlags by lower-cased name. */
  flags: Map<string, string>;
}

const START_TIMERS = ['ClientBeginRequest', 'ClientConnected', 'GotRequestHeaders'];
const END_TIMERS = ['ClientDoneResponse', 'ServerDoneResponse'];

function metadataText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytesToString(bytes, start);
}

function round(ms: number): number {
  return Math.round(ms * 10_000) / 10_000;
}

/** undefined when the file is not a Fiddler session metadata document. */
export function parseSessionMetadata(bytes: Buffer): SessionMetadata | undefined {
  const xml = readSessionXml(metadataText(bytes));
  if (!xml) return undefined;

  const stamps = new Map<string, number>();
  const durations: Record<string, number> = {};
  // Most timers of a session share a handful of distinct values; parse each value once.
  const parsedValues = new Map<string, number | undefined>();
  for (const [name, value] of Object.entries(xml.timers)) {
    if (/^-?\d+$/.test(value)) {
      durations[name] = Number(value);
      continue;
    }
    let t = parsedValues.get(value);
    if (t === undefined && !parsedValues.has(value)) parsedValues.set(value, (t = parseDotNetTime(value)));
    if (t !== undefined) stamps.set(name, t);
  }

  let startedAt: number | undefined;
  for (const name of START_TIMERS) {
    startedAt = stamps.get(name);
    if (startedAt !== undefined) break;
  }
  if (startedAt === undefined && stamps.size > 0) startedAt = Math.min(...stamps.values());

  let durationMs = -1;
  if (startedAt !== undefined) {
    for (const name of END_TIMERS) {
      const end = stamps.get(name);
      if (end !== undefined && end >= startedAt) {
        durationMs = round(end - startedAt);
        break;
      }
    }
  }

  const timers: Record<string, number> = {};
  if (startedAt !== undefined) for (const [name, t] of stamps) timers[name] = round(t - startedAt);
  Object.assign(timers, durations);

  const flags = new Map<string, string>();
  for (const [name, value] of xml.flags) flags.set(name.toLowerCase(), value);

  const bitFlagsText = xml.session.BitFlags;
  const parsedBits = bitFlagsText === undefined ? NaN : parseInt(bitFlagsText, 16);
  const meta: SessionMetadata = {
    bitFlags: Number.isFinite(parsedBits) ? parsedBits : 0,
    durationMs,
    timers,
    flags,
  };
  if (xml.session.SID !== undefined) meta.sid = xml.session.SID;
  if (bitFlagsText !== undefined) meta.bitFlagsText = bitFlagsText;
  if (startedAt !== undefined) meta.startedAt = startedAt;
  return meta;
}
