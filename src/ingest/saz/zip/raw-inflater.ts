/**
 * Inflates small zip members with one zlib engine, reset between members.
 *
 * `zlib.inflateRawSync` builds a zlib stream object per call and closes it after
 * (about 7 µs, more than inflating a typical request member takes), and a SAZ has
 * three or four members per session. Node's own one-shot helper drives the stream's
 * native handle with `writeSync`; this does the same with one long-lived handle.
 * Those are Node internals, so everything is checked: a Node without them, an error,
 * or output that does not fit what the zip directory announced all give `undefined`,
 * and the caller falls back to the one-shot call (which also reports errors properly).
 */
import { constants, InflateRaw } from 'node:zlib';

interface NativeHandle {
  writeSync(flush: number, input: Buffer, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number): void;
  reset(): void;
  onerror: (message: string, errno: number) => void;
}

interface Engine {
  handle: NativeHandle;
  /** [output bytes left, input bytes left] after each write. */
  state: Uint32Array;
}

let engine: Engine | null | undefined;
let failed = false;

function open(): Engine | null {
  try {
    const stream = new InflateRaw() as unknown as { _handle?: NativeHandle; _writeState?: Uint32Array };
    const handle = stream._handle;
    const state = stream._writeState;
    if (!handle || typeof handle.writeSync !== 'function' || typeof handle.reset !== 'function' || !(state instanceof Uint32Array)) return null;
    handle.onerror = () => {
      failed = true;
    };
    return { handle, state };
  } catch {
    return null;
  }
}

/** The member inflated, when it inflates to exactly `expectedBytes`; otherwise undefined. */
export function inflateMember(data: Buffer, expectedBytes: number): Buffer | undefined {
  if (engine === undefined) engine = open();
  if (!engine) return undefined;
  // One spare byte: output space left over proves the stream ended within the announced size.
  const out = Buffer.allocUnsafe(expectedBytes + 1);
  failed = false;
  try {
    engine.handle.reset();
    engine.handle.writeSync(constants.Z_FINISH, data, 0, data.length, out, 0, out.length);
  } catch {
    failed = true;
  }
  if (failed) {
    // After an error the engine's state is not trusted: the next member gets a new one.
    engine = undefined;
    return undefined;
  }
  const written = out.length - engine.state[0]!;
  return written === expectedBytes ? out.subarray(0, written) : undefined;
}
