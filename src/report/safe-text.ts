/**
 * Last line of defence for free text that reaches a reader: finding messages,
 * evidence values and warnings often quote what a server said, so they may
 * carry a token by accident, or terminal control sequences that would drive
 * the reader's terminal. The builder already redacted the report; this runs
 * again in every formatter because a leak costs more than a second pass.
 */
import { redactJwts } from './redact.js';

/** C0/C1 controls except tab and newline, plus bidi overrides that can disguise text. */
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export type TextCleaner = (text: string) => string;

/** Removes control characters; replaces JWT-looking strings unless secrets were asked for. */
export function createTextCleaner(showSecrets: boolean): TextCleaner {
  return (text: string) => {
    const visible = text.replace(/\t/g, ' ').replace(UNSAFE_CHARS, '');
    return showSecrets ? visible : redactJwts(visible);
  };
}

export function showsSecrets(settings: { redaction: string }): boolean {
  return settings.redaction === 'show-secrets';
}
