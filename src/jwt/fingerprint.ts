import { createHash } from 'node:crypto';

/**
 * What `--sanitize` puts where a secret was: `REDACTED-<id>` for a whole
 * value, or in place of a JWT's signature. Carrying the original id lets a
 * sanitized trace be analyzed with the same token names as the original.
 */
export const REDACTED_MARKER = /^REDACTED-([0-9a-f]{12})$/;

export function redactedMarker(id: string): string {
  return `REDACTED-${id}`;
}

/** The id a sanitized value stands for, if it is one (whole value, or a JWT whose signature was replaced). */
export function sanitizedId(value: string): string | undefined {
  const last = value.lastIndexOf('.');
  const tail = last < 0 ? value : value.slice(last + 1);
  return REDACTED_MARKER.exec(tail)?.[1];
}

/** A token's public name: the first 12 hex digits of sha256(compact string). */
export function tokenId(compact: string): string {
  return sanitizedId(compact) ?? createHash('sha256').update(compact).digest('hex').slice(0, 12);
}
