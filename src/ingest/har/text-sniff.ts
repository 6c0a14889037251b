import { isUtf8 } from 'node:buffer';
import { startsWithBinaryMagic } from '../scan/index.js';

/**
 * Bytes worth keeping as text: valid UTF-8, no NUL, not a media signature.
 * `isPrefix`: the bytes are the start of a longer body and may end inside a character.
 */
export function looksLikeText(bytes: Buffer, isPrefix: boolean): boolean {
  if (bytes.indexOf(0) >= 0 || startsWithBinaryMagic(bytes)) return false;
  if (isUtf8(bytes)) return true;
  if (!isPrefix) return false;
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) if (isUtf8(bytes.subarray(0, bytes.length - cut))) return true;
  return false;
}
