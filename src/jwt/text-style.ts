/**
 * Semantic text styles for command output. Callers say what a piece of text is
 * (an error, a muted note...), never which colour it gets; with `color: false`
 * every style is the identity, so plain output and tests need no escape stripping.
 */
export interface TextStyle {
  error(text: string): string;
  warning(text: string): string;
  ok(text: string): string;
  info(text: string): string;
  muted(text: string): string;
  accent(text: string): string;
  strong(text: string): string;
}

const ESC = '\u001b[';

function paint(open: string, close: string): (text: string) => string {
  return (text) => (text.length === 0 ? text : `${ESC}${open}m${text}${ESC}${close}m`);
}

const identity = (text: string): string => text;

export function textStyle(color: boolean): TextStyle {
  if (!color) {
    return { error: identity, warning: identity, ok: identity, info: identity, muted: identity, accent: identity, strong: identity };
  }
  return {
    error: paint('31', '39'),
    warning: paint('33', '39'),
    ok: paint('32', '39'),
    info: paint('36', '39'),
    muted: paint('2', '22'),
    accent: paint('36', '39'),
    strong: paint('1', '22'),
  };
}

/** Style for a severity word or marker. */
export function severityStyle(style: TextStyle, severity: 'error' | 'warning' | 'info'): (text: string) => string {
  return severity === 'error' ? style.error : severity === 'warning' ? style.warning : style.info;
}
