/** What the detail view knows about one body at a given moment. */
export type BodyContent =
  | { kind: 'absent' }
  | { kind: 'loading' }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'fragments'; fragments: string[] }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'error'; message: string };
