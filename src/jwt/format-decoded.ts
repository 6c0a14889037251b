import type { TokenFacts } from './facts.js';
import { decodedAsJson, type DecodeCommandOptions, type DecodedTokenJson } from './decoded-json.js';
import { visibleLength, wrap } from './text-layout.js';
import { severityStyle, textStyle, type TextStyle } from './text-style.js';

export interface FormatDecodedOptions extends DecodeCommandOptions {
  color: boolean;
}

const WIDTH = 80;
const LABEL = 12;

function row(style: TextStyle, label: string, value: string): string {
  const head = `  ${label.padEnd(LABEL)}`;
  if (head.length + visibleLength(value) <= WIDTH) return `${style.muted(head)}${value}`;
  // Long values (issuer URLs, App ID URIs) go on their own line instead of wrapping mid-word.
  const own = `    ${value}`;
  return label.length === 0 ? own : `${style.muted(head.trimEnd())}\n${own}`;
}

const ISSUER_NAMES: Record<TokenFacts['issuerKind'], string> = {
  v1: 'Entra ID v1 issuer (sts)',
  v2: 'Entra ID v2 issuer',
  b2c: 'Azure AD B2C issuer',
  ciam: 'Entra External ID (CIAM) issuer',
  adfs: 'AD FS issuer',
  other: 'not a Microsoft issuer form',
};

const CLOUD_NAMES: Record<TokenFacts['cloud'], string> = {
  public: 'public cloud',
  usgov: 'US Government cloud',
  china: 'China cloud (21Vianet)',
  germany: 'Germany cloud (retired)',
  unknown: 'cloud unknown',
};

function list(values: string[]): string {
  return values.length > 0 ? values.join(' ') : '(none)';
}

function title(json: DecodedTokenJson, style: TextStyle): string {
  const f = json.facts;
  const format = json.format === 'opaque' ? 'not a JWT' : json.format.toUpperCase();
  const extras = [format, f.alg, f.kid ? `kid ${f.kid}` : undefined, f.typ ? `typ ${f.typ}` : undefined].filter(Boolean);
  return `${style.strong(`Token ${json.id}`)} ${style.muted(`(${extras.join(', ')})`)}`;
}

function factLines(json: DecodedTokenJson, style: TextStyle): string[] {
  const f = json.facts;
  const lines: string[] = [];
  if (f.issuer) {
    lines.push(row(style, 'Issuer', `${ISSUER_NAMES[f.issuerKind]}, ${CLOUD_NAMES[f.cloud]}`));
    lines.push(row(style, '', f.issuer));
  }
  if (f.tenant) lines.push(row(style, 'Tenant', f.tenant));
  if (json.claims) {
    lines.push(row(style, 'Audience', list(f.audience)));
    if (f.clientId) lines.push(row(style, 'Client', f.clientId));
    if (f.version) lines.push(row(style, 'Version', f.version));
    lines.push(row(style, 'Subject', f.subject === 'app-only' ? 'app-only (no user)' : 'delegated (user present)'));
    lines.push(row(style, 'Scopes', list(f.scopes)));
    lines.push(row(style, 'Roles', list(f.roles)));
  }
  const sig = json.signature;
  const sigStyle = sig.status === 'valid' ? style.ok : sig.status === 'invalid' || sig.status === 'key-not-found' ? style.error : style.muted;
  lines.push(row(style, 'Signature', `${sigStyle(sig.status)} ${style.muted(`- ${sig.detail}`)}`));
  return lines;
}

function timeLines(json: DecodedTokenJson, style: TextStyle): string[] {
  if (json.times.length === 0) return [];
  const lines = [style.strong(`Times (relative to now, ${json.now.replace(/\.\d{3}Z$/, 'Z')})`)];
  for (const t of json.times) lines.push(row(style, t.name, `${(t.iso ?? String(t.epoch)).padEnd(22)}${t.relative}`));
  return lines;
}

function warningLines(json: DecodedTokenJson, style: TextStyle): string[] {
  if (json.format === 'opaque') return [];
  const lines = [style.strong('Looks wrong')];
  if (json.warnings.length === 0) lines.push(`  ${style.ok('nothing found')}`);
  for (const w of json.warnings) {
    const marker = `[${w.severity}]`;
    lines.push(`  ${severityStyle(style, w.severity)(marker)} ${wrap(w.message, WIDTH, 4, marker.length + 3)}`);
  }
  return lines;
}

function jsonBlock(name: string, value: unknown, style: TextStyle): string[] {
  const body = JSON.stringify(value, null, 2).split('\n').map((line) => `  ${line}`);
  return [style.strong(name), ...body];
}

/** Text for `trace-audit decode <jwt>`: facts, times against now, warnings, header, claims. */
export function formatDecoded(compact: string, options: FormatDecodedOptions): string {
  const style = textStyle(options.color);
  const json = decodedAsJson(compact, options);
  const sections: string[][] = [[title(json, style), ...factLines(json, style)]];
  if (json.problems.length > 0) {
    sections.push([style.strong('Problems'), ...json.problems.map((p) => `  ${style.error('-')} ${wrap(p, WIDTH, 4, 4)}`)]);
  }
  const times = timeLines(json, style);
  if (times.length > 0) sections.push(times);
  const warnings = warningLines(json, style);
  if (warnings.length > 0) sections.push(warnings);
  if (json.header !== undefined) sections.push(jsonBlock('Header', json.header, style));
  if (json.claims !== undefined) sections.push(jsonBlock('Claims', json.claims, style));
  else if (json.format === 'jwe') sections.push([style.strong('Claims'), `  ${style.muted('encrypted (JWE): only the recipient can read them')}`]);
  if (json.token !== undefined) sections.push([style.strong('Token (--show-secrets)'), json.token]);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
