/**
 * Token time claims told relative to the request that carried them
 * ("expired 4 s before this request"). A local helper: src/jwt has its own
 * formatter on the way; this one words things for the Tokens tab.
 */

const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/** "4 s", "2 min 5 s", "59 min", "1 h 3 min", "2 d 3 h": at most two units, seconds dropped past 10 min. */
export function humanSpan(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  let rest = Math.round(Math.abs(seconds));
  if (rest === 0) return '0 s';
  const dropSeconds = rest >= 600;
  const parts: string[] = [];
  for (const [label, size] of UNITS) {
    if (label === 's' && dropSeconds) break;
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count} ${label}`);
    else if (parts.length > 0) break;
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(' ') : '0 s';
}

export type TimeClaim = 'exp' | 'nbf' | 'iat';

/** How a claim (epoch seconds) relates to the request sent at `requestMs`. */
export function describeClaim(claim: TimeClaim, claimSeconds: number, requestMs: number): string {
  const delta = claimSeconds - requestMs / 1000;
  const before = Math.round(delta) <= 0;
  // Time left is rounded down: "valid for 59 min more" must not overstate it as "1 h".
  const span = humanSpan(claim === 'exp' && !before ? Math.floor(delta) : delta);
  switch (claim) {
    case 'exp':
      return before ? `expired ${span} before this request` : `valid for ${span} more`;
    case 'nbf':
      return before ? `valid since ${span} before this request` : `not valid until ${span} after this request`;
    case 'iat':
      return before ? `issued ${span} before this request` : `issued ${span} after this request (clock skew?)`;
  }
}

/** Epoch seconds -> "2024-05-01T10:00:00Z"; undefined when not a usable date. */
export function isoSeconds(seconds: number): string | undefined {
  if (!Number.isFinite(seconds) || Math.abs(seconds) > 8.64e12) return undefined;
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
