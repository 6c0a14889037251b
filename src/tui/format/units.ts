/** Compact human units for table cells (fixed, small widths). */

/** 0 -> "0", 1536 -> "1.5k", 3_400_000 -> "3.2M"; negative (unknown) -> "-". */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '-';
  if (bytes < 1000) return String(Math.round(bytes));
  const units = ['k', 'M', 'G', 'T'];
  let value = bytes / 1024;
  for (const unit of units) {
    if (value < 10) return `${value.toFixed(1)}${unit}`;
    if (value < 1000) return `${Math.round(value)}${unit}`;
    value /= 1024;
  }
  return `${Math.round(value * 1024)}T`;
}

/** Request duration: "87ms", "1.2s", "2m05s"; unknown (-1) -> "-". */
export function formatDurationMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  if (ms < 60_000) return `${Math.round(ms / 1000)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}

/** Offset from the first entry: "0.000", "12.345", "1:02.3", "1:02:03". */
export function formatOffset(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(3)}`;
  const totalSeconds = abs / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours === 0) return `${sign}${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
  return `${sign}${hours}:${String(minutes).padStart(2, '0')}:${String(Math.floor(seconds)).padStart(2, '0')}`;
}

/** Epoch ms -> "2024-05-01 10:00:01.234Z" (UTC; traces mix time zones, UTC never lies). */
export function formatClock(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return '?';
  return new Date(ms).toISOString().replace('T', ' ');
}

/** Thousands separators without locale surprises: 100000 -> "100,000". */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
