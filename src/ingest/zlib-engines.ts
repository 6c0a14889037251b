/**
 * Inflating with long-lived zlib engines instead of one zlib stream per call.
 *
 * `zlib.inflateRawSync` / `gunzipSync` build a zlib stream object per call and close
 * it after (about 7 µs, more than inflating a typical SAZ request member takes), and
 * a SAZ has three or four members per session plus compressed bodies. Node's own
 * one-shot helpers drive the stream's native handle with `writeSync`; this does the
 * same with one handle per mode, reset between inputs. Those are Node internals, so
 * everything is checked: a Node without them, an error, or output beyond the limit
 * all give `undefined`, and the caller falls back to the public one-shot call (which
 * also reports errors the usual way).
 */
import { constants, Gunzip, InflateRaw } from 'node:zlib';

interface NativeHandle {
  writeSync(flush: number, input: Buffer, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number): void;
  reset(): void;
  close(): void;
  onerror: (message: string, errno: number) => void;
}

interface Engine {
  handle: NativeHandle;
  /** [output bytes left, input bytes left] after each write. */
  state: Uint32Array;
}

type Mode = 'inflateRaw' | 'gunzip';

const engines: Record<Mode, Engine | null | undefined> = { inflateRaw: undefined, gunzip: undefined };
let failed = false;

function open(mode: Mode): Engine | null {
  try {
    const stream = (mode === 'gunzip' ? new Gunzip() : new InflateRaw()) as unknown as { _handle?: NativeHandle; _writeState?: Uint32Array };
    const handle = stream._handle;
    const state = stream._writeState;
    if (!handle || typeof handle.writeSync !== 'function' || typeof handle.reset !== 'function' || typeof handle.close !== 'function' || !(state instanceof Uint32Array)) return null;
    handle.onerror = () => {
      failed = true;
    };
    return { handle, state };
  } catch {
    return null;
  }
}

/** One write; false after an error (the engine is then dropped: its state is not trusted). */
function write(mode: Mode, engine: Engine, input: Buffer, inOff: number, inLen: number, out: Buffer, flush: number = constants.Z_FINISH): boolean {
  failed = false;
  try {
    engine.handle.writeSync(flush, input, inOff, inLen, out, 0, out.length);
  } catch {
    failed = true;
  }
  if (failed) {
    engines[mode] = undefined;
    try {
      engine.handle.close();
    } catch {
      // Already closed: nothing to free.
    }
  }
  return !failed;
}

function engine(mode: Mode): Engine | null {
  let e = engines[mode];
  if (e === undefined) e = engines[mode] = open(mode);
  e?.handle.reset();
  return e;
}

/** A raw deflate stream inflated, when it inflates to exactly `expectedBytes` (a zip member's size); otherwise undefined. */
export function inflateRawExact(data: Buffer, expectedBytes: number): Buffer | undefined {
  const e = engine('inflateRaw');
  if (!e) return undefined;
  // One spare byte: output space left over proves the stream ended within the announced size.
  const out = Buffer.allocUnsafe(expectedBytes + 1);
  if (!write('inflateRaw', e, data, 0, data.length, out)) return undefined;
  const written = out.length - e.state[0]!;
  return written === expectedBytes ? out.subarray(0, written) : undefined;
}

/**
 * The start of a raw deflate stream cut short: what `data` (its first bytes) inflates
 * to, at most `maxBytes`. A sync flush takes whatever the cut input yields, where a
 * finish would call it truncated. Undefined on an error.
 */
export function inflateRawStart(data: Buffer, maxBytes: number): Buffer | undefined {
  const e = engine('inflateRaw');
  if (!e) return undefined;
  const out = Buffer.allocUnsafe(maxBytes);
  if (!write('inflateRaw', e, data, 0, data.length, out, constants.Z_SYNC_FLUSH)) return undefined;
  return out.subarray(0, out.length - e.state[0]!);
}

/**
 * The size a single-member gzip stream announces in its trailer (ISIZE: the decoded
 * size modulo 2^32); -1 when `data` is too short to be gzip.
 */
export function gzipAnnouncedSize(data: Buffer): number {
  return data.length >= 18 && data[0] === 0x1f && data[1] === 0x8b ? data.readUInt32LE(data.length - 4) : -1;
}

/**
 * A gzip stream decoded into one buffer of the size its trailer announces, when it
 * decodes to exactly that (and at most `maxBytes`); otherwise undefined (several
 * members, a wrong trailer, corrupt data), and the caller uses gunzipSync.
 */
export function gunzipExact(data: Buffer, maxBytes: number): Buffer | undefined {
  const size = gzipAnnouncedSize(data);
  if (size < 0 || size > maxBytes) return undefined;
  const e = engine('gunzip');
  if (!e) return undefined;
  const out = Buffer.allocUnsafe(size + 1);
  if (!write('gunzip', e, data, 0, data.length, out)) return undefined;
  return out.length - e.state[0]! === size ? out.subarray(0, size) : undefined;
}

const PIECE_BYTES = 256 << 10;
let piece: Buffer | undefined;

/**
 * Gunzips `data` piece by piece into one reused buffer, handing each piece to
 * `onPiece` (valid only during the call), without ever holding the whole output.
 * Returns the decoded size, or undefined on an error or past `maxBytes` (pieces
 * already handed out are then to be discarded).
 */
export function gunzipInPieces(data: Buffer, maxBytes: number, onPiece: (bytes: Buffer) => void): number | undefined {
  const e = engine('gunzip');
  if (!e) return undefined;
  piece ??= Buffer.allocUnsafe(PIECE_BYTES);
  const out = piece;
  let inOff = 0;
  let inLen = data.length;
  let total = 0;
  // Each pass either fills the whole piece (and total grows towards maxBytes) or ends the loop.
  for (;;) {
    if (!write('gunzip', e, data, inOff, inLen, out)) return undefined;
    const outLeft = e.state[0]!;
    const inLeft = e.state[1]!;
    const have = out.length - outLeft;
    total += have;
    if (total > maxBytes) return undefined;
    if (have > 0) onPiece(out.subarray(0, have));
    if (outLeft !== 0) return total;
    inOff += inLen - inLeft;
    inLen = inLeft;
  }
}
