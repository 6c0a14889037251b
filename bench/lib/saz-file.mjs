/**
 * A Fiddler session archive written member by member through zip.js into a
 * file stream: `[Content_Types].xml`, `raw/NNNN_c.txt`, `_m.xml`, `_s.txt`, `_index.htm`.
 * Members are deflated and carry their sizes in the local header (no data
 * descriptor), as Fiddler's archives do.
 */
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { configure, TextReader, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';

const CONTENT_TYPES = '\ufeff<?xml version="1.0" encoding="utf-8" ?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\r\n<Default Extension="htm" ContentType="text/html" />\r\n<Default Extension="xml" ContentType="application/xml" />\r\n<Default Extension="txt" ContentType="text/plain" />\r\n</Types>';
/** Fixed member dates keep the archive's bytes the same from run to run. */
const MEMBER_DATE = new Date(Date.UTC(2025, 2, 14, 12, 0, 0));

/** Members being compressed at once. */
const MAX_IN_FLIGHT = 24;

configure({ useWebWorkers: false });

export class SazFile {
  constructor(path, width) {
    this.width = width;
    this.file = createWriteStream(path, { highWaterMark: 1 << 20 });
    this.zip = new ZipWriter(Writable.toWeb(this.file), { level: 6, dataDescriptor: false, lastModDate: MEMBER_DATE, keepOrder: true });
    this.sessions = 0;
    this.inFlight = [];
  }

  async start() {
    await this.zip.add('[Content_Types].xml', new TextReader(CONTENT_TYPES));
    await this.zip.add('raw/', undefined, { directory: true });
  }

  /** Bytes on disk so far (the pending member and the central directory come on top). */
  bytesWritten() {
    return this.file.bytesWritten;
  }

  /**
   * Queues the three members of the next session. A few sessions compress at
   * once (zlib runs off the main thread); `keepOrder` still writes them in order.
   */
  async addSession(request, metadata, response) {
    const n = String(++this.sessions).padStart(this.width, '0');
    this.inFlight.push(
      this.zip.add(`raw/${n}_c.txt`, new Uint8ArrayReader(request)),
      this.zip.add(`raw/${n}_m.xml`, new TextReader(metadata)),
      this.zip.add(`raw/${n}_s.txt`, new Uint8ArrayReader(response)),
    );
    if (this.inFlight.length >= MAX_IN_FLIGHT) await this.inFlight.shift();
    while (this.inFlight.length > MAX_IN_FLIGHT - 3) await this.inFlight.shift();
  }

  async close() {
    await Promise.all(this.inFlight);
    this.inFlight = [];
    await this.zip.add('_index.htm', new TextReader(`<html><head><title>Fiddler Session Archive</title></head><body><p>${this.sessions} sessions</p></body></html>`));
    await this.zip.close(undefined, { zip64: false });
    await new Promise((resolve, reject) => (this.file.closed ? resolve() : this.file.once('close', resolve).once('error', reject)));
  }
}
