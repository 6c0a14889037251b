/**
 * Bytes to a JS string as UTF-8, faster for the common case. Most of a trace is
 * ASCII, and for ASCII a latin1 conversion (a copy) gives exactly the string a
 * UTF-8 decode would, about three times faster; `isAscii` tells which applies at
 * memory speed.
 */
import { isAscii } from 'node:buffer';

/** `bytes[start, end)` decoded as UTF-8 (invalid sequences become U+FFFD, as Buffer#toString does). */
export function bytesToString(bytes: Buffer, start = 0, end = bytes.length): string {
  const view = start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
  return view.toString(isAscii(view) ? 'latin1' : 'utf8');
}
