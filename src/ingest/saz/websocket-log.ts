/**
 * Counts the messages in a session's _w.txt. Fiddler writes each message as
 * a small header block (`Request-Length: N` or `Response-Length: N`, ID,
 * BitFlags, timers), a blank line, then N bytes of frame data and CRLF.
 * Frames themselves are not kept.
 */

const LF = 0x0a;
const LENGTH_LINE = /^(?:Request|Response)-Length:\s*(\d+)\s*$/i;

export function countWebSocketMessages(log: Buffer): number {
  let count = 0;
  let pos = 0;
  let length: number | undefined;
  // Every pass moves `pos` forward by at least one byte.
  while (pos < log.length) {
    const lf = log.indexOf(LF, pos);
    const end = lf === -1 ? log.length : lf;
    const line = log.toString('latin1', pos, end).replace(/\r$/, '');
    pos = end + 1;
    if (line === '') {
      if (length === undefined) continue;
      // Blank line ends a message header: skip the payload and its CRLF.
      count++;
      pos += length;
      if (log[pos] === 0x0d) pos++;
      if (log[pos] === LF) pos++;
      length = undefined;
      continue;
    }
    const m = LENGTH_LINE.exec(line);
    if (m) length = Number(m[1]);
  }
  return count;
}
