/**
 * jose is loaded on the first signature check, not at start-up: it is ~46
 * modules, and most runs (decode, explain, traces without key sets, the
 * library's readers) never verify anything.
 */
let loading: Promise<typeof import('jose')> | undefined;

export function loadJose(): Promise<typeof import('jose')> {
  loading ??= import('jose');
  return loading;
}
