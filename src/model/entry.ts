/**
 * The normalized flow model. HAR and SAZ readers both produce `Entry` values;
 * nothing after ingest knows which format an entry came from (except `source`,
 * kept for display).
 */

export interface Header {
  name: string;
  value: string;
}

/** How findings, tokens and the UI point at an entry: input number + 1-based file index. */
export interface EntryRef {
  input: number;
  index: number;
}

/** Where a body's bytes can be read back from after ingest let go of them. */
export type BodyLocation =
  /**
   * A JSON string literal inside a HAR file: `offset`/`length` cover the literal
   * including its quotes. `base64` tells whether the decoded string is base64.
   */
  | { kind: 'har-string'; path: string; offset: number; length: number; base64: boolean }
  /** A separate file (Playwright `content._file`), already resolved to an absolute path. */
  | { kind: 'file'; path: string; base64: boolean }
  /**
   * A raw HTTP message inside a SAZ member (`raw/N_c.txt` / `raw/N_s.txt`);
   * reading it back re-opens the zip, re-parses the message and undoes
   * chunked/content encodings.
   */
  | { kind: 'saz-member'; path: string; member: string };

export interface BodyRef {
  /** Decoded size in bytes; -1 when unknown. */
  size: number;
  mimeType: string;
  /** The decoded text while it is available (small bodies, or during extraction). */
  text?: string;
  /** True when the content is not text (images, fonts, octet-stream...). */
  binary?: boolean;
  /** Wire encodings that were undone (SAZ: chunked, gzip, br...). */
  decodedFrom?: string[];
  /**
   * For bodies too large to keep as text: fragments found while they streamed
   * past (JWT-looking strings, AADSTS/IDX codes with some context). Extract
   * treats each fragment as text to scan.
   */
  fragments?: string[];
  /** Where to read the full body again, lazily. */
  location?: BodyLocation;
  /** Why the body is not (fully) available: 'not-saved', 'undecodable: zstd', 'truncated', ... */
  problem?: string;
}

export interface EntryRequest {
  method: string;
  url: string;
  httpVersion: string;
  headers: Header[];
  body?: BodyRef;
}

export interface EntryResponse {
  /** 0 when no response came (blocked, failed, aborted). */
  status: number;
  statusText: string;
  httpVersion: string;
  headers: Header[];
  body?: BodyRef;
  /** Redirect target as the producer recorded it (HAR `redirectURL`), may hold a #fragment. */
  redirectURL?: string;
  /** Network-level error (`_error` in HAR, Fiddler's failure text). */
  error?: string;
}

export interface Entry {
  input: number;
  /** 1-based position in the input file (HAR entries array order, SAZ session number order). */
  index: number;
  /** Epoch milliseconds (may carry fractions) when the client started the request. */
  startedAt: number;
  /** Total time in ms; -1 when unknown. */
  durationMs: number;
  request: EntryRequest;
  response: EntryResponse;
  serverIp?: string;
  source: 'har' | 'saz';
  /** Named timings in ms (HAR `timings`, or SAZ SessionTimers turned into offsets from start). */
  timers?: Record<string, number>;
  /** Producer extras worth showing: resourceType, initiator, clientIp, process, comment, sazSessionId... */
  meta?: Record<string, string>;
}

/** Facts about one input file. */
export interface TraceInfo {
  input: number;
  path: string;
  format: 'har' | 'saz';
  /** "Chrome 131", "Fiddler Classic", "mitmproxy 10.1" ... when known. */
  producer?: string;
  entries: number;
  sizeBytes: number;
  sha256: string;
  /** HAR `log.pages` titles / ids, when present. */
  pages?: { id: string; title: string; startedAt: number }[];
}

/** A non-fatal problem met while reading or analyzing (goes to report.warnings). */
export interface RunWarning {
  code: string;
  message: string;
  entries: EntryRef[];
}

export function entryRef(e: { input: number; index: number }): EntryRef {
  return { input: e.input, index: e.index };
}

/** Case-insensitive header lookup; returns the first match. */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const h of headers) if (h.name.toLowerCase() === lower) return h.value;
  return undefined;
}

/** All values of a header (repeated headers are common: Set-Cookie, WWW-Authenticate). */
export function headerValues(headers: readonly Header[], name: string): string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const h of headers) if (h.name.toLowerCase() === lower) out.push(h.value);
  return out;
}
