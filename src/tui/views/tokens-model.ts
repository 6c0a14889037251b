/** Tokens view content: one row per token, a lifetime bar across the trace when it fits. */
import type { ReportToken } from '../../model/index.js';
import { signatureStyle } from '../detail/token-lines.js';
import { fitCell } from '../layout/columns.js';
import { printable } from '../text/sanitize.js';
import { seg, type Segment, type StyledLine } from '../text/styled.js';

const SIGNATURE_LABEL: Record<ReportToken['signature'], string> = {
  valid: 'valid',
  invalid: 'INVALID',
  'key-not-found': 'no-key',
  unverifiable: 'unverif',
  'not-checked': 'unchecked',
};

/** id kind sig aud exp issued uses [bar] */
const FIXED = { id: 12, kind: 7, sig: 9, exp: 9, issued: 6, uses: 4 };
const FIXED_WIDTH = 1 + FIXED.id + 1 + FIXED.kind + 1 + FIXED.sig + 1 + FIXED.exp + 1 + FIXED.issued + 1 + FIXED.uses + 1;
const MIN_AUD = 16;
const MIN_BAR = 12;

export interface TokenTableLayout {
  aud: number;
  bar: number;
}

export function tokenTableLayout(width: number): TokenTableLayout {
  const rest = Math.max(4, width - FIXED_WIDTH);
  if (rest >= MIN_AUD + 1 + MIN_BAR + 8) {
    const aud = Math.max(MIN_AUD, Math.floor(rest * 0.4));
    return { aud, bar: rest - aud - 1 };
  }
  return { aud: rest, bar: 0 };
}

function clock(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '-';
  return new Date(seconds * 1000).toISOString().slice(11, 19) + 'Z';
}

function audText(aud: ReportToken['aud']): string {
  return aud === undefined ? '-' : Array.isArray(aud) ? aud.join(',') : aud;
}

/**
 * The token's validity over the trace's time span: "=" while valid, "." outside,
 * "I" where it was issued, "|" where it was sent and accepted, "x" where refused.
 */
export function lifetimeBar(t: ReportToken, startMs: number, endMs: number, width: number): Segment[] {
  if (width <= 0) return [];
  const span = Math.max(1, endMs - startMs);
  const cellOf = (ms: number) => Math.min(width - 1, Math.max(0, Math.floor(((ms - startMs) / span) * width)));
  const from = (t.nbf ?? t.iat ?? -Infinity) * 1000;
  const to = t.exp !== undefined ? t.exp * 1000 : Infinity;
  // Without any time claim (opaque tokens) the validity is unknown: no "=" at all.
  const known = t.exp !== undefined || t.nbf !== undefined || t.iat !== undefined;
  const cells: string[] = [];
  for (let i = 0; i < width; i++) {
    const at = startMs + ((i + 0.5) / width) * span;
    cells.push(known && at >= from && at < to ? '=' : '.');
  }
  for (const u of t.uses) {
    const refused = u.status === 400 || u.status === 401 || u.status === 403;
    const at = Date.parse(u.time);
    if (Number.isFinite(at)) cells[cellOf(at)] = refused ? 'x' : cells[cellOf(at)] === 'x' ? 'x' : '|';
  }
  if (t.issuedAt) {
    const at = Date.parse(t.issuedAt.time);
    if (Number.isFinite(at)) cells[cellOf(at)] = 'I';
  }
  // One segment per run of the same character keeps the element count small.
  const out: Segment[] = [];
  for (const ch of cells) {
    const style = ch === 'x' ? 'error' : ch === '=' ? 'ok' : ch === '.' ? 'muted' : 'accent';
    const last = out[out.length - 1];
    if (last && last.style === style && last.text[0] === ch) last.text += ch;
    else out.push(seg(ch, style));
  }
  return out;
}

export function tokenTableHeader(layout: TokenTableLayout): StyledLine {
  let text = ` ${'id'.padEnd(FIXED.id)} ${'kind'.padEnd(FIXED.kind)} ${'signature'.padEnd(FIXED.sig)} ${'aud'.padEnd(layout.aud)} ${'exp'.padEnd(FIXED.exp)} ${'issued'.padStart(FIXED.issued)} ${'uses'.padStart(FIXED.uses)}`;
  if (layout.bar > 0) text += ` ${'lifetime over the trace'.padEnd(layout.bar).slice(0, layout.bar)}`;
  return [seg(text, 'heading')];
}

export function tokenRowLine(
  t: ReportToken,
  layout: TokenTableLayout,
  selected: boolean,
  span: { startMs: number; endMs: number },
): StyledLine {
  const issued = t.issuedAt ? `#${t.issuedAt.index}` : '-';
  const line: StyledLine = [
    seg(selected ? '>' : ' ', selected ? 'accent' : undefined),
    seg(fitCell(t.id, FIXED.id, 'left'), 'accent'),
    seg(` ${fitCell(t.kind, FIXED.kind, 'left')} `),
    seg(fitCell(SIGNATURE_LABEL[t.signature], FIXED.sig, 'left'), signatureStyle(t.signature)),
    seg(` ${fitCell(printable(audText(t.aud)), layout.aud, 'left')}`),
    seg(` ${fitCell(clock(t.exp), FIXED.exp, 'left')}`, 'muted'),
    seg(` ${fitCell(issued, FIXED.issued, 'right')} ${fitCell(String(t.uses.length), FIXED.uses, 'right')}`),
  ];
  if (layout.bar > 0) line.push(seg(' '), ...lifetimeBar(t, span.startMs, span.endMs, layout.bar));
  return line;
}
