/**
 * Undoes content codings (gzip, x-gzip, deflate in zlib or raw form, br)
 * with node:zlib, each bounded by a maximum output size. Never throws: a
 * coding that cannot be undone leaves the bytes as they were and says why.
 *
 * The async variant runs large inputs on the libuv thread pool, so a reader
 * can decode the next bodies while the main thread parses the current one.
 */
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { MAX_DECODED_BODY_BYTES } from '../types.js';
import { gunzipExact } from '../zlib-engines.js';

export interface DecodedContent {
  body: Buffer;
  /** Codings undone, in the order they were undone. */
  decodedFrom: string[];
  problem?: string;
}

type SyncDecoder = (input: Buffer, options: zlib.ZlibOptions) => Buffer;
type AsyncDecoder = (input: Buffer, options: zlib.ZlibOptions) => Promise<Buffer>;

interface Codec {
  sync: SyncDecoder;
  async: AsyncDecoder;
}

const gunzipAsync = promisify(zlib.gunzip) as AsyncDecoder;
const inflateAsync = promisify(zlib.inflate) as AsyncDecoder;
const inflateRawAsync = promisify(zlib.inflateRaw) as AsyncDecoder;
const brotliAsync = promisify(zlib.brotliDecompress) as (input: Buffer, options: zlib.BrotliOptions) => Promise<Buffer>;

/**
 * Inputs at least this large are decoded off the main thread by the async variant;
 * for smaller ones the thread pool's per-call cost outweighs the work.
 */
export const ASYNC_DECODE_BYTES = 256 << 10;

function isTooLarge(e: unknown): boolean {
  return e instanceof RangeError || (e as NodeJS.ErrnoException | undefined)?.code === 'ERR_BUFFER_TOO_LARGE';
}

// "deflate" should be zlib-wrapped (RFC 9110 §8.4.1.2) but some servers send raw deflate.
function inflateEitherSync(input: Buffer, options: zlib.ZlibOptions): Buffer {
  try {
    return zlib.inflateSync(input, options);
  } catch (e) {
    if (isTooLarge(e)) throw e;
    return zlib.inflateRawSync(input, options);
  }
}

async function inflateEitherAsync(input: Buffer, options: zlib.ZlibOptions): Promise<Buffer> {
  try {
    return await inflateAsync(input, options);
  } catch (e) {
    if (isTooLarge(e)) throw e;
    return inflateRawAsync(input, options);
  }
}

const gzip: Codec = { sync: zlib.gunzipSync, async: gunzipAsync };
const CODECS: Record<string, Codec> = {
  gzip,
  'x-gzip': gzip,
  deflate: { sync: inflateEitherSync, async: inflateEitherAsync },
  br: {
    sync: (input, o) => zlib.brotliDecompressSync(input, { maxOutputLength: o.maxOutputLength, chunkSize: o.chunkSize }),
    async: (input, o) => brotliAsync(input, { maxOutputLength: o.maxOutputLength, chunkSize: o.chunkSize }),
  },
};

/** Parses a Content-Encoding / Transfer-Encoding value into lower-case codings, in the order applied. */
export function parseCodings(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
}

interface Step {
  body?: Buffer;
  problem?: string;
}

function failure(coding: string, e: unknown, maxOutputLength: number): Step | undefined {
  if (isTooLarge(e)) return { problem: `${coding} body decodes to more than ${maxOutputLength} bytes; kept encoded` };
  if (coding === 'br') return { problem: 'corrupt br data; kept encoded' };
  return undefined;
}

/**
 * Output chunk size: zlib's 16 KB default costs an allocation per chunk, and in the
 * async API a thread-pool round trip per chunk. Compressed text grows about 4-10x.
 */
function chunkSize(input: Buffer, max: number): number {
  return Math.max(1024, Math.min(input.length * 8, 4 << 20, max));
}

function options(input: Buffer, max: number): zlib.ZlibOptions {
  return { maxOutputLength: max, chunkSize: chunkSize(input, max) };
}

// A truncated capture still holds a useful prefix: take what inflates before the cut.
function partial(input: Buffer, max: number): zlib.ZlibOptions {
  return { ...options(input, max), finishFlush: zlib.constants.Z_SYNC_FLUSH };
}

function stepSync(coding: string, codec: Codec, input: Buffer, max: number): Step {
  // Most gzip bodies decode in one step into a buffer of the size their trailer announces.
  const exact = coding === 'gzip' || coding === 'x-gzip' ? gunzipExact(input, max) : undefined;
  if (exact) return { body: exact };
  try {
    return { body: codec.sync(input, options(input, max)) };
  } catch (e) {
    const fail = failure(coding, e, max);
    if (fail) return fail;
  }
  try {
    return { body: codec.sync(input, partial(input, max)), problem: `truncated or corrupt ${coding} data; kept what decoded` };
  } catch {
    return { problem: `corrupt ${coding} data; kept encoded` };
  }
}

async function stepAsync(coding: string, codec: Codec, input: Buffer, max: number): Promise<Step> {
  if (input.length < ASYNC_DECODE_BYTES) return stepSync(coding, codec, input, max);
  try {
    return { body: await codec.async(input, options(input, max)) };
  } catch (e) {
    const fail = failure(coding, e, max);
    if (fail) return fail;
  }
  try {
    return { body: await codec.async(input, partial(input, max)), problem: `truncated or corrupt ${coding} data; kept what decoded` };
  } catch {
    return { problem: `corrupt ${coding} data; kept encoded` };
  }
}

/**
 * Servers apply one coding, rarely two. Each one undone costs a pass over the body,
 * so a hostile message stacking thousands of them over a large body would multiply
 * the work without bound: beyond this many, the body is kept as it is.
 */
export const MAX_CODINGS = 8;

function tooManyCodings(input: Buffer, codings: readonly string[]): DecodedContent | undefined {
  if (codings.length <= MAX_CODINGS) return undefined;
  return { body: input, decodedFrom: [], problem: `${codings.length} content codings (more than ${MAX_CODINGS}); kept encoded` };
}

/** Undoes `codings` (listed in the order they were applied) from last to first. */
export function decodeContentCodings(input: Buffer, codings: readonly string[], maxOutputLength: number = MAX_DECODED_BODY_BYTES): DecodedContent {
  const refused = tooManyCodings(input, codings);
  if (refused) return refused;
  let body = input;
  const decodedFrom: string[] = [];
  for (let i = codings.length - 1; i >= 0 && body.length > 0; i--) {
    const coding = codings[i]!;
    const codec = CODECS[coding];
    if (!codec) return { body, decodedFrom, problem: `undecodable content-encoding: ${coding}` };
    const step = stepSync(coding, codec, body, maxOutputLength);
    if (step.body === undefined) return { body, decodedFrom, problem: step.problem! };
    body = step.body;
    decodedFrom.push(coding);
    if (step.problem) return { body, decodedFrom, problem: step.problem };
  }
  return { body, decodedFrom };
}

/** Same result as decodeContentCodings; large inputs are decoded on the thread pool. */
export async function decodeContentCodingsAsync(
  input: Buffer,
  codings: readonly string[],
  maxOutputLength: number = MAX_DECODED_BODY_BYTES,
): Promise<DecodedContent> {
  const refused = tooManyCodings(input, codings);
  if (refused) return refused;
  let body = input;
  const decodedFrom: string[] = [];
  for (let i = codings.length - 1; i >= 0 && body.length > 0; i--) {
    const coding = codings[i]!;
    const codec = CODECS[coding];
    if (!codec) return { body, decodedFrom, problem: `undecodable content-encoding: ${coding}` };
    const step = await stepAsync(coding, codec, body, maxOutputLength);
    if (step.body === undefined) return { body, decodedFrom, problem: step.problem! };
    body = step.body;
    decodedFrom.push(coding);
    if (step.problem) return { body, decodedFrom, problem: step.problem };
  }
  return { body, decodedFrom };
}
