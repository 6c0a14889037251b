/**
 * Second look at a large body whose first scan guessed the wrong encoding (text that
 * looked like base64, or the reverse), or at a large attachment file: stream it from
 * disk through the scanner and fill in the body's fragments.
 */
import { open } from 'node:fs/promises';
import { createFragmentScanner, startsWithBinaryMagic, type FragmentScannerOptions } from '../scan/index.js';
import { LargeStringSink } from './large-string.js';
import { streamLiteralContent } from './literal-io.js';
import type { Rescan } from './normalize-context.js';
import { applyLargeScan } from './normalize-body.js';

const READ_BYTES = 1 << 20;

export async function rescanBody(r: Rescan, scannerOptions?: FragmentScannerOptions): Promise<void> {
  if (r.mode === 'raw' || r.location.kind === 'file') {
    r.body.fragments = await scanFile(r.location.path, scannerOptions);
    return;
  }
  const sink = new LargeStringSink(r.mode, scannerOptions);
  await streamLiteralContent(r.location, (raw) => sink.push(raw));
  applyLargeScan(r.body, sink.end());
}

async function scanFile(path: string, scannerOptions?: FragmentScannerOptions): Promise<string[]> {
  const scanner = createFragmentScanner(scannerOptions);
  let fh;
  try {
    fh = await open(path, 'r');
  } catch {
    return [];
  }
  try {
    const buf = Buffer.allocUnsafe(READ_BYTES);
    let pos = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      if (pos === 0 && startsWithBinaryMagic(chunk)) break;
      scanner.push(chunk);
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return scanner.end();
}
