import { severityStyle, textStyle, wrap } from '../jwt/index.js';
import { familyHint } from './family.js';
import type { ExplainResult } from './types.js';

export interface FormatExplanationOptions {
  color: boolean;
}

const WIDTH = 80;
const LABEL = 12;

function row(label: string, value: string, muted: (s: string) => string): string {
  return `${muted(`  ${label.padEnd(LABEL)}`)}${wrap(value, WIDTH, LABEL + 2)}`;
}

/** Text for `trace-audit explain <code>`. Unknown codes say "not in catalog" and name the family. */
export function formatExplanation(result: ExplainResult, options: FormatExplanationOptions): string {
  const style = textStyle(options.color);
  const lines: string[] = [];
  if (!result.known) {
    lines.push(`${style.strong(result.code)}  ${style.warning('not in catalog')}`);
    lines.push(`  ${wrap(familyHint(result.code), WIDTH, 2)}`);
    lines.push(
      `  ${wrap('Codes are added over time; the error_description next to the code in the trace carries the server\'s own wording.', WIDTH, 2)}`,
    );
    if (result.kind === 'aadsts') lines.push(row('Look up', lookupUrl(result.code), style.muted));
    return `${lines.join('\n')}\n`;
  }
  lines.push(result.name ? `${style.strong(result.code)}  ${style.accent(result.name)}` : style.strong(result.code));
  if (result.category) lines.push(row('Category', result.category, style.muted));
  if (result.severity) lines.push(row('Severity', severityStyle(style, result.severity)(result.severity), style.muted));
  if (result.gist) lines.push(row('Meaning', result.gist, style.muted));
  if (result.check) lines.push(row('Check', result.check, style.muted));
  if (result.kind === 'aadsts') lines.push(row('Look up', lookupUrl(result.code), style.muted));
  return `${lines.join('\n')}\n`;
}

/** Entra's own error lookup page for a code (printed for the user; never fetched). */
export function lookupUrl(code: string): string {
  return `https://login.microsoftonline.com/error?code=${code.replace(/^AADSTS/, '')}`;
}

/** One line for input that is not a code at all. Does not echo the input (it may be a token). */
export const NOT_A_CODE = 'not an AADSTS or IDX code (examples: AADSTS50011, 50011, IDX10501)';
