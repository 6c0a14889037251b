/** The splitter's view of where it is in the outer structure, and how to say it in an error. */

/** The `log` members kept (parsed whenever they come, before or after the entries). */
export const LOG_MEMBERS = ['version', 'creator', 'browser', 'pages', 'comment'] as const;
export type LogMembers = Partial<Record<(typeof LOG_MEMBERS)[number], unknown>>;

export const BOM = [0xef, 0xbb, 0xbf];

type ObjectExpect = 'key-or-end' | 'key' | 'colon' | 'value' | 'comma-or-end';
type ArrayExpect = 'value-or-end' | 'value' | 'comma-or-end';

export type Frame =
  | { kind: 'top' | 'log'; expect: ObjectExpect; key: string }
  | { kind: 'entries'; expect: ArrayExpect };

/** A byte that can start a JSON value. */
export function isValueStart(b: number): boolean {
  return b === 0x7b || b === 0x5b || b === 0x22 || b === 0x2d || (b >= 0x30 && b <= 0x39) || b === 0x74 || b === 0x66 || b === 0x6e;
}

/** "inside entry 3 (after 2 complete entries)" and the like, for truncation and syntax errors. */
export function describePosition(frames: readonly Frame[], insideEntry: boolean, entries: number): string {
  if (insideEntry) return `inside entry ${entries + 1} (after ${entries} complete entries)`;
  const inner = frames[frames.length - 1];
  if (inner?.kind === 'entries') return `in log.entries after ${entries} entries`;
  if (inner?.kind === 'log') return `in the log object (after ${entries} entries)`;
  return 'before the end of the top-level object';
}
