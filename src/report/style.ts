/**
 * Semantic styles for terminal text. Formatters say what a piece of text is
 * (an error, something muted...), never which colour it gets, so the palette
 * lives here and `color: false` (NO_COLOR, not a TTY) is honoured in one place.
 */
export type StyleToken = 'error' | 'warning' | 'info' | 'muted' | 'accent';

export type Styler = (token: StyleToken, text: string) => string;

/** SGR open/close pairs; closes are specific so nested styles do not cancel each other. */
const ANSI: Record<StyleToken, [string, string]> = {
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  info: ['\u001b[36m', '\u001b[39m'],
  muted: ['\u001b[2m', '\u001b[22m'],
  accent: ['\u001b[1m', '\u001b[22m'],
};

export function createStyler(color: boolean): Styler {
  if (!color) return (_token, text) => text;
  return (token, text) => (text ? `${ANSI[token][0]}${text}${ANSI[token][1]}` : text);
}
