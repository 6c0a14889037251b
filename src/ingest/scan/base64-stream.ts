/**
 * Incremental base64 decoding for bodies that arrive in chunks of any size.
 * Node's decoder accepts both the standard and the URL-safe alphabet; whitespace
 * (MIME line breaks) is removed first so that 4-character groups stay aligned.
 */
export class Base64StreamDecoder {
  private carry: Buffer = Buffer.alloc(0);

  /** Decoded bytes of the complete 4-character groups seen so far. */
  push(chunk: Buffer): Buffer {
    const clean = stripSpaces(chunk);
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, clean]) : clean;
    const usable = data.length - (data.length % 4);
    this.carry = Buffer.from(data.subarray(usable));
    if (usable === 0) return Buffer.alloc(0);
    return Buffer.from(data.toString('latin1', 0, usable), 'base64');
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
