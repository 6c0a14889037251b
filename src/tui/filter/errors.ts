/** A filter expression the parser could not understand; `position` is a 0-based column. */
export class FilterSyntaxError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(`${message} (at column ${position + 1})`);
    this.name = 'FilterSyntaxError';
    this.position = position;
  }
}
