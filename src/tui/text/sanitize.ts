/**
 * Traces are attacker-controlled input: a header or body can hold escape
 * sequences that would move the cursor, retitle the window or hide text. Every
 * string taken from an entry goes through here before it reaches the screen.
 */

/** C0/C1 controls (including ESC, CR, LF), DEL, and bidi overrides that can disguise text. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One display line: tabs become a space, other controls a visible "·". */
export function printable(text: string): string {
  return text.replace(/\t/g, ' ').replace(UNSAFE, '·');
}

/** Split text into display lines (any newline style), each made printable; tabs expand to 2 spaces. */
export function printableLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.replace(/\t/g, '  ').replace(UNSAFE, '·'));
}
