import { createHash } from 'node:crypto';

/** A token's public name: the first 12 hex digits of sha256(compact string). */
export function tokenId(compact: string): string {
  return createHash('sha256').update(compact).digest('hex').slice(0, 12);
}
