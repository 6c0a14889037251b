/** Classic 16-bytes-per-line hex dump for binary bodies. */
import { forEachCompact, REDACTION_SHAPE } from '../../jwt/index.js';

export const HEX_DUMP_MAX_BYTES = 16 * 1024;

/** Binary when flagged so, or when the first bytes hold NULs or many control bytes. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return n > 0 && odd / n > 0.1;
}

/** Overwrite JWT-looking byte runs with "*" so a token never shows up in the ASCII column. */
export function maskTokens(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const copy = Uint8Array.from(bytes);
  // The linear finder redaction uses: the regex this replaced went quadratic on long `eyJ` runs.
  forEachCompact(text, REDACTION_SHAPE, (match, index) => void copy.fill(0x2a, index, index + match.length));
  return copy;
}

export function hexDump(bytes: Uint8Array, maxBytes = HEX_DUMP_MAX_BYTES): string[] {
  const lines: string[] = [];
  const n = Math.min(bytes.length, maxBytes);
  for (let at = 0; at < n; at += 16) {
    let hex = '';
    let ascii = '';
    for (let i = 0; i < 16; i++) {
      const b = at + i < n ? bytes[at + i] : undefined;
      hex += b === undefined ? '   ' : `${b.toString(16).padStart(2, '0')} `;
      if (i === 7) hex += ' ';
      if (b !== undefined) ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
    }
    lines.push(`${at.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`);
  }
  if (bytes.length > n) lines.push(`… ${bytes.length - n} more bytes not shown`);
  return lines;
}
