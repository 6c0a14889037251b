const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/** "4 s", "2 min 3 s", "1 h 5 min", "3 d 2 h": the two largest non-zero units, sign dropped. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  let rest = Math.round(Math.abs(seconds));
  if (rest === 0) return '0 s';
  const parts: string[] = [];
  for (const [label, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count} ${label}`);
    else if (parts.length > 0) break; // "1 h 5 s" would mislead; stop at the first gap.
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

export interface RelativeOptions {
  /** What the time is compared to: the request that carried the token (default) or "now". */
  reference?: 'request' | 'now';
}

/**
 * A claim time relative to a moment: "4 s before this request", "in 59 min 56 s";
 * with `reference: 'now'`: "3 h 2 min ago", "in 5 min". Claims have 1 s resolution.
 */
export function relativeTo(claimEpochSeconds: number, atMs: number, options: RelativeOptions = {}): string {
  const reference = options.reference ?? 'request';
  const delta = Math.round(claimEpochSeconds - atMs / 1000);
  if (!Number.isFinite(delta)) return 'unknown';
  if (delta === 0) return reference === 'now' ? 'now' : 'at this request';
  const span = formatDuration(delta);
  if (delta > 0) return `in ${span}`;
  return reference === 'now' ? `${span} ago` : `${span} before this request`;
}

/** "2024-01-01T10:00:00Z" for a numeric date (whole seconds); undefined when out of range. */
export function isoFromEpochSeconds(epochSeconds: number): string | undefined {
  if (!Number.isFinite(epochSeconds)) return undefined;
  const ms = epochSeconds * 1000;
  if (Math.abs(ms) > 8.64e15) return undefined;
  const iso = new Date(ms).toISOString();
  return epochSeconds % 1 === 0 ? iso.replace('.000Z', 'Z') : iso;
}
