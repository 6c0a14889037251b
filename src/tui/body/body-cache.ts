/**
 * Bodies read back from disk, kept for the last few entries viewed so tab
 * switching and back-and-forth do not re-read (and re-inflate) the same bytes.
 */
import type { BodyRef } from '../../model/index.js';
import type { BodyContent } from './body-content.js';

export type ReadBody = (ref: BodyRef) => Promise<Buffer>;

export class BodyCache {
  private readonly entries = new Map<BodyRef, Promise<Buffer>>();

  constructor(
    private readonly read: ReadBody,
    private readonly capacity = 8,
  ) {}

  get(ref: BodyRef): Promise<Buffer> {
    const hit = this.entries.get(ref);
    if (hit) {
      // Refresh recency: Map iteration order is insertion order.
      this.entries.delete(ref);
      this.entries.set(ref, hit);
      return hit;
    }
    const pending = this.read(ref);
    this.entries.set(ref, pending);
    // A failed read is not cached: the next visit tries again.
    pending.catch(() => this.entries.delete(ref));
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as BodyRef;
      this.entries.delete(oldest);
    }
    return pending;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The content to show at once, or undefined when a read is needed. */
export function immediateContent(ref: BodyRef | undefined): BodyContent | undefined {
  if (!ref) return { kind: 'absent' };
  if (ref.text !== undefined) return { kind: 'text', text: ref.text };
  if (ref.location) return undefined;
  if (ref.fragments && ref.fragments.length > 0) return { kind: 'fragments', fragments: ref.fragments };
  if (ref.size === 0) return { kind: 'absent' };
  return { kind: 'unavailable', reason: ref.problem ?? 'not saved in the trace' };
}
