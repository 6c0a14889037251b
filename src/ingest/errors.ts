/**
 * An input problem the user can fix (missing file, not a trace, truncated,
 * wrong password). The CLI prints `message` as one line and exits with 2.
 * Messages name the file and never include file contents.
 */
export class InputError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
