/**
 * Incremental base64 decoding for bodies that arrive in chunks of any size.
 * Node's decoder accepts both the standard and the URL-safe alphabet; whitespace
 * (MIME line breaks) is removed first so that 4-character groups stay aligned.
 */
/**
 * Characters decoded per step (a multiple of 4): the intermediate string stays small
 * enough to live and die in V8's young generation, where a multi-megabyte one would
 * be an external string that lingers until a full collection.
 */
const STEP_CHARS = 64 * 1024;

export interface Base64StreamOptions {
  /**
   * Decode every push into the same buffer (grown as needed): no allocation per chunk,
   * but each result is only valid until the next `push`.
   */
  reuseOutput?: boolean;
}

export class Base64StreamDecoder {
  private carry: Buffer = Buffer.alloc(0);
  private out: Buffer = Buffer.alloc(0);
  private readonly reuseOutput: boolean;

  constructor(options: Base64StreamOptions = {}) {
    this.reuseOutput = options.reuseOutput === true;
  }

  /** Decoded bytes of the complete 4-character groups seen so far. */
  push(chunk: Buffer): Buffer {
    const clean = stripSpaces(chunk);
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, clean]) : clean;
    const usable = data.length - (data.length % 4);
    this.carry = Buffer.from(data.subarray(usable));
    if (usable === 0) return Buffer.alloc(0);
    const room = (usable / 4) * 3;
    let out = this.out;
    if (!this.reuseOutput || out.length < room) out = Buffer.allocUnsafe(room);
    if (this.reuseOutput) this.out = out;
    let written = 0;
    for (let p = 0; p < usable; p += STEP_CHARS) {
      written += out.write(data.toString('latin1', p, Math.min(usable, p + STEP_CHARS)), written, 'base64');
    }
    return out.subarray(0, written);
  }

  /** Whatever an unpadded tail still decodes to. */
  end(): Buffer {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return rest.length > 0 ? Buffer.from(rest.toString('latin1'), 'base64') : Buffer.alloc(0);
  }
}

function hasSpace(buf: Buffer): boolean {
  return buf.indexOf(0x0a) >= 0 || buf.indexOf(0x0d) >= 0 || buf.indexOf(0x20) >= 0 || buf.indexOf(0x09) >= 0;
}

function stripSpaces(buf: Buffer): Buffer {
  if (!hasSpace(buf)) return buf;
  const out = Buffer.allocUnsafe(buf.length);
  let o = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b !== 0x0a && b !== 0x0d && b !== 0x20 && b !== 0x09) out[o++] = b;
  }
  return out.subarray(0, o);
}

/** Decoded length of `chars` base64 characters (whitespace excluded) ending with `padding` '='. */
export function base64DecodedLength(chars: number, padding: number): number {
  const groups = Math.floor(chars / 4);
  const rest = chars % 4;
  return groups * 3 + (rest === 0 ? 0 : rest - 1) - (rest === 0 ? padding : 0);
}
