/** The loading screen: bytes and entries read so far, then "analyzing". */
import { formatCount, formatSize } from '../format/units.js';
import { printable } from '../text/sanitize.js';
import { fitLine, seg, type StyledLine } from '../text/styled.js';
import type { TuiProgress } from '../types.js';
import { fillBody } from './frame.js';

export function progressBar(fraction: number, width: number): string {
  const inner = Math.max(1, width - 2);
  const done = Math.round(Math.min(1, Math.max(0, fraction)) * inner);
  return `[${'#'.repeat(done)}${'.'.repeat(inner - done)}]`;
}

export function loadingLines(progress: TuiProgress | undefined, width: number, height: number): StyledLine[] {
  const lines: StyledLine[] = [[seg('trace-audit', 'title')], []];
  if (!progress) {
    lines.push([seg('  opening the trace…', 'muted')]);
  } else if (progress.phase === 'reading') {
    const known = progress.totalBytes > 0;
    const fraction = known ? progress.bytesRead / progress.totalBytes : 0;
    const bytes = known
      ? `${formatSize(progress.bytesRead)}B of ${formatSize(progress.totalBytes)}B (${Math.floor(fraction * 100)}%)`
      : `${formatSize(progress.bytesRead)}B`;
    lines.push([seg('  reading  ', 'accent'), seg(bytes)]);
    if (known) lines.push([seg(`  ${progressBar(fraction, Math.min(60, width - 4))}`, 'info')]);
    lines.push([seg(`  ${formatCount(progress.entries)} entries`, 'muted')]);
  } else {
    lines.push([seg('  analyzing ', 'accent'), seg(`${formatCount(progress.entries)} entries…`)]);
  }
  return fillBody(lines, height, width);
}

export function failureLines(message: string, width: number, height: number): StyledLine[] {
  const text = printable(message.split(/\r?\n/)[0] ?? '');
  return fillBody([[seg('trace-audit', 'title')], [], fitLine([seg('  error: ', 'error'), seg(text)], width)], height, width);
}
