/**
 * A body as display lines: pretty JSON when it parses, form fields one per
 * line, plain text, or a hex dump for binary - redacted unless the user asked
 * for secrets, and bounded so a 100 MB body cannot freeze the screen.
 */
import type { BodyRef } from '../../model/index.js';
import { redactText } from '../../report/redact.js';
import type { BodyContent } from '../body/body-content.js';
import { formatSize } from '../format/units.js';
import { printable, printableLines } from '../text/sanitize.js';
import { seg, type StyledLine } from '../text/styled.js';
import { hexDump, looksBinary, maskTokens } from './hex-dump.js';

/** Text beyond this is not shown (the status line says so). */
export const MAX_BODY_CHARS = 512 * 1024;
/** JSON larger than this is shown as is: pretty-printing would stall the screen. */
const MAX_PRETTY_CHARS = 2 * 1024 * 1024;
export const MAX_BODY_LINES = 4000;

export interface BodyViewOptions {
  showSecrets: boolean;
}

function describe(ref: BodyRef): string {
  const parts = [ref.mimeType || 'unknown type'];
  if (ref.size >= 0) parts.push(formatSize(ref.size).replace(/(\d)$/, '$1 ').replace(/([kMGT])$/, ' $1') + 'B');
  if (ref.decodedFrom && ref.decodedFrom.length > 0) parts.push(`decoded from ${ref.decodedFrom.join(', ')}`);
  return parts.map(printable).join(' · ');
}

function isForm(ref: BodyRef, text: string): boolean {
  return /x-www-form-urlencoded/i.test(ref.mimeType) || (/^[\w.%-]+=[^\s]*(&[\w.%-]+=[^\s]*)*$/.test(text.trim()) && text.length < 65536);
}

function prettyJson(text: string): string | undefined {
  const trimmed = text.trimStart();
  if (text.length > MAX_PRETTY_CHARS || !(trimmed.startsWith('{') || trimmed.startsWith('['))) return undefined;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}

function formLines(text: string, showSecrets: boolean): StyledLine[] {
  const safe = showSecrets ? text.trim() : redactText(text.trim());
  return safe.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    return [seg(`${printable(name)}: `, 'accent'), seg(printable(value))];
  });
}

function textLines(ref: BodyRef, fullText: string, options: BodyViewOptions): StyledLine[] {
  const cut = fullText.length > MAX_BODY_CHARS;
  const text = cut ? fullText.slice(0, MAX_BODY_CHARS) : fullText;
  let lines: StyledLine[];
  if (!cut && isForm(ref, text)) {
    lines = formLines(text, options.showSecrets);
  } else {
    const shown = (!cut && prettyJson(text)) || text;
    const safe = options.showSecrets ? shown : redactText(shown);
    lines = printableLines(safe).map((l) => [seg(l)]);
  }
  if (cut) lines.push([seg(`… body cut at ${formatSize(MAX_BODY_CHARS)}B of ${formatSize(fullText.length)}B`, 'muted')]);
  return lines;
}

function contentLines(ref: BodyRef | undefined, content: BodyContent, options: BodyViewOptions): StyledLine[] {
  switch (content.kind) {
    case 'absent':
      return [[seg('(no body)', 'muted')]];
    case 'loading':
      return [[seg('loading…', 'muted')]];
    case 'error':
      return [[seg(`could not read the body: ${printable(content.message).slice(0, 200)}`, 'error')]];
    case 'unavailable':
      return [[seg(`(body not available: ${printable(content.reason)})`, 'muted')]];
    case 'fragments':
      return [
        [seg('(large body not kept in memory; fragments seen while reading it:)', 'muted')],
        ...content.fragments.flatMap((f) => printableLines(options.showSecrets ? f : redactText(f)).map((l) => [seg(l)])),
      ];
    case 'text':
      return textLines(ref ?? { size: content.text.length, mimeType: '' }, content.text, options);
    case 'bytes': {
      const binary = ref?.binary || looksBinary(content.bytes);
      if (binary) return hexDump(options.showSecrets ? content.bytes : maskTokens(content.bytes)).map((l) => [seg(l)]);
      return textLines(ref ?? { size: content.bytes.length, mimeType: '' }, content.bytes.toString('utf8'), options);
    }
  }
}

/** Heading plus content; at most MAX_BODY_LINES lines. */
export function bodyLines(ref: BodyRef | undefined, content: BodyContent, options: BodyViewOptions): StyledLine[] {
  const heading: StyledLine = [seg('Body', 'heading'), seg(ref ? ` · ${describe(ref)}` : '', 'muted')];
  const lines = contentLines(ref, content, options);
  if (lines.length > MAX_BODY_LINES) {
    const more = lines.length - MAX_BODY_LINES;
    return [heading, ...lines.slice(0, MAX_BODY_LINES), [seg(`… ${more} more lines not shown`, 'muted')]];
  }
  return [heading, ...lines];
}
