/**
 * Long string literals are cut out of an entry's bytes before `JSON.parse`, and a
 * short placeholder string stands in for each. Medium ones keep their raw literal
 * bytes (materialized only if the normalizer needs them: a binary body never is);
 * large ones keep only what the streaming scan found and where they are in the file.
 */
import type { LargeStringScan } from './large-string.js';

export type CutString =
  /**
   * The literal's bytes, quotes included, and its file offset. `verified`: known to
   * be one well-formed literal (false when a fast guess found it and inner quotes
   * still need checking).
   */
  | { kind: 'medium'; literal: Buffer; offset: number; verified: boolean }
  /** `offset`/`length` cover the literal in the file, quotes included. */
  | { kind: 'large'; offset: number; length: number; scan: LargeStringScan };

/** Placeholders carry a per-file nonce so that no real string can be mistaken for one. */
export class CutRegistry {
  private readonly prefix: string;
  private readonly placeholders: Buffer[] = [];

  constructor(nonce: string) {
    this.prefix = `\u0000#${nonce}#`;
  }

  /** The placeholder literal (JSON bytes) for cut number `n`. */
  placeholder(n: number): Buffer {
    let p = this.placeholders[n];
    if (!p) {
      p = Buffer.from(`"\\u0000#${this.prefix.slice(2)}${n}"`, 'latin1');
      this.placeholders[n] = p;
    }
    return p;
  }

  /** The cut a parsed value stands for, if it is a placeholder. */
  lookup(value: unknown, cuts: readonly CutString[]): CutString | undefined {
    if (typeof value !== 'string' || value.charCodeAt(0) !== 0 || !value.startsWith(this.prefix)) return undefined;
    return cuts[Number(value.slice(this.prefix.length))];
  }
}
