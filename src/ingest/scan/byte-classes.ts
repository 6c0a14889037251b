/** Byte lookup tables shared by the scanners (a table lookup beats chains of comparisons in hot loops). */

/** base64url alphabet: the characters a compact JWT segment is made of. */
export const BASE64URL = new Uint8Array(256);
/** Standard base64 alphabet plus padding. */
export const BASE64_STD = new Uint8Array(256);

for (let c = 0x41; c <= 0x5a; c++) BASE64URL[c] = BASE64_STD[c] = 1; // A-Z
for (let c = 0x61; c <= 0x7a; c++) BASE64URL[c] = BASE64_STD[c] = 1; // a-z
for (let c = 0x30; c <= 0x39; c++) BASE64URL[c] = BASE64_STD[c] = 1; // 0-9
BASE64URL[0x2d] = BASE64URL[0x5f] = 1; // - _
BASE64_STD[0x2b] = BASE64_STD[0x2f] = BASE64_STD[0x3d] = 1; // + / =

export const DOT = 0x2e;
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;

export function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x39;
}

export function isJsonSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}
