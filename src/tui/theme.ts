/**
 * The only place that knows colours. Components ask for a semantic token
 * (error, warning, ...) and get Ink <Text> props; with NO_COLOR every token
 * maps to no props at all, so the screen carries no escape sequences and the
 * text markers (E/W/i, ">", "x") carry the meaning on their own.
 */
export type StyleToken =
  | 'error'
  | 'warning'
  | 'info'
  | 'ok'
  | 'muted'
  | 'accent'
  | 'heading'
  | 'selected'
  | 'title';

export interface TextStyle {
  color?: string;
  bold?: boolean;
  inverse?: boolean;
  dimColor?: boolean;
}

export type Theme = Readonly<Record<StyleToken, TextStyle>>;

const COLOUR_THEME: Theme = {
  error: { color: 'red', bold: true },
  warning: { color: 'yellow' },
  info: { color: 'blueBright' },
  ok: { color: 'green' },
  muted: { color: 'gray' },
  accent: { color: 'cyan' },
  heading: { bold: true },
  selected: { inverse: true },
  title: { bold: true, inverse: true },
};

const NO_COLOUR_THEME: Theme = {
  error: {},
  warning: {},
  info: {},
  ok: {},
  muted: {},
  accent: {},
  heading: {},
  selected: {},
  title: {},
};

export function themeFor(noColor: boolean): Theme {
  return noColor ? NO_COLOUR_THEME : COLOUR_THEME;
}

/** Severity -> style token and the one-letter marker that reads without colour. */
export const SEVERITY_STYLE = { error: 'error', warning: 'warning', info: 'info' } as const satisfies Record<
  string,
  StyleToken
>;
export const SEVERITY_MARK = { error: 'E', warning: 'W', info: 'i' } as const;
