/**
 * Progress on stderr while a large trace is read: bytes, entries, rate.
 * Only when stderr is a terminal and the inputs are big enough to wait for.
 */
import type { IngestProgress } from '../ingest/index.js';

const SHOW_ABOVE_BYTES = 32 << 20;
const MB = 1024 * 1024;

export interface ProgressPrinter {
  update(p: IngestProgress & { phase: 'reading' | 'analyzing' }): void;
  done(): void;
}

export function createProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr): ProgressPrinter {
  const enabled = stream.isTTY === true && totalBytes >= SHOW_ABOVE_BYTES;
  const started = Date.now();
  let shown = false;
  let doneBefore = 0;
  let lastInput = -1;
  let lastBytes = 0;
  return {
    update(p) {
      if (!enabled) return;
      if (p.input !== lastInput && lastInput >= 0) doneBefore += lastBytes;
      lastInput = p.input;
      lastBytes = p.bytesRead;
      const read = doneBefore + p.bytesRead;
      const secs = Math.max(0.001, (Date.now() - started) / 1000);
      const line =
        p.phase === 'analyzing'
          ? `analyzing ${p.entries.toLocaleString('en-US')} entries…`
          : `reading ${(read / MB).toFixed(0)}/${(totalBytes / MB).toFixed(0)} MB, ${p.entries.toLocaleString('en-US')} entries, ${(read / MB / secs).toFixed(0)} MB/s`;
      stream.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
