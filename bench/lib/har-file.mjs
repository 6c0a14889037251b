/**
 * Writes a HAR the way Chrome does (2-space indented, `pages` before `entries`)
 * without holding it: entries go to a side file as they come, and `close()`
 * writes the head (now that the pages are known), copies the entries and the tail.
 */
import { closeSync, createReadStream, createWriteStream, openSync, rmSync, writeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';

const FLUSH_CHARS = 4 << 20;
const ENTRY_INDENT = '      ';

/** An entry as Chrome indents it inside `log.entries`. */
export function entryJson(entry) {
  return ENTRY_INDENT + JSON.stringify(entry, null, 2).replace(/\n/g, `\n${ENTRY_INDENT}`);
}

export class HarFile {
  constructor(path) {
    this.path = path;
    this.partPath = `${path}.entries.part`;
    this.fd = openSync(this.partPath, 'w');
    this.pending = [];
    this.pendingChars = 0;
    this.entries = 0;
    this.bytes = 0;
  }

  /** `json` from `entryJson()`. */
  writeJson(json) {
    this.push(this.entries === 0 ? json : `,\n${json}`);
    this.entries++;
  }

  push(text) {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  flush() {
    if (this.pending.length === 0) return;
    this.bytes += writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }

  /** Bytes the finished file will have, give or take the head (for stopping at a target size). */
  approximateBytes() {
    return this.bytes + this.pendingChars;
  }

  async close(creator, pages) {
    this.flush();
    closeSync(this.fd);
    const log = { version: '1.2', creator, pages };
    const head = JSON.stringify({ log }, null, 2);
    // Cut the head just before the log's closing braces and open the entries array there.
    const open = `${head.slice(0, head.lastIndexOf('\n  }'))},\n    "entries": [\n`;
    const out = createWriteStream(this.path);
    out.write(open);
    await pipeline(createReadStream(this.partPath, { highWaterMark: 1 << 20 }), out, { end: false });
    await new Promise((resolve, reject) => out.end('\n    ]\n  }\n}', (e) => (e ? reject(e) : resolve())));
    rmSync(this.partPath);
  }
}
