/**
 * Values inside Microsoft.IdentityModel messages. Shapes (LogMessages.cs):
 *  IDX10214: Audience validation failed. Audiences: 'a'. Did not match: validationParameters.ValidAudience: 'b' or validationParameters.ValidAudiences: 'c'.
 *  IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '…', Current time (UTC): '…'.
 *  IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom (UTC): '…', Current time (UTC): '…'.
 *  IDX10501/IDX10503/IDX10517: … kid: '…' … Keys tried: '…'
 *  IDX10205: Issuer validation failed. Issuer: '…'. Did not match: validationParameters.ValidIssuer: '…' or validationParameters.ValidIssuers: '…'
 * PII may be hidden: "[PII of type '…' is hidden …]" — such values are ignored.
 */
import type { ErrorDetails } from '../session.js';

function quoted(message: string, label: RegExp): string | undefined {
  const m = label.exec(message);
  if (!m) return undefined;
  const v = m[1]?.trim();
  if (!v || /PII (of type .* )?is hidden/i.test(v) || v === 'null' || v === 'empty') return undefined;
  return v;
}

function list(v: string | undefined): string[] | undefined {
  if (!v) return undefined;
  const parts = v
    .split(/',\s*'|,\s*/)
    .map((p) => p.replace(/^'|'$/g, '').trim())
    .filter((p) => p && p !== 'null' && p !== 'empty');
  return parts.length ? parts : undefined;
}

export function parseIdxDetails(message: string): ErrorDetails {
  const d: ErrorDetails = {};
  const kid = quoted(message, /\bkid:\s*'([^']*)'/i) ?? quoted(message, /\bkid\s*'([^']*)'/i);
  if (kid) d.kid = kid;
  const aud = list(quoted(message, /Audiences?:\s*'([^']*(?:',\s*'[^']*)*)'/));
  if (aud) d.audiences = aud;
  const validAud = [
    ...(list(quoted(message, /ValidAudience:\s*'([^']*)'/)) ?? []),
    ...(list(quoted(message, /ValidAudiences:\s*'([^']*(?:',\s*'[^']*)*)'/)) ?? []),
  ];
  if (validAud.length) d.validAudiences = validAud;
  const iss = quoted(message, /Issuer:\s*'([^']*)'/);
  if (iss) d.issuer = iss;
  const validIss = [
    ...(list(quoted(message, /ValidIssuer:\s*'([^']*)'/)) ?? []),
    ...(list(quoted(message, /ValidIssuers:\s*'([^']*(?:',\s*'[^']*)*)'/)) ?? []),
  ];
  if (validIss.length) d.validIssuers = validIss;
  const validTo = quoted(message, /ValidTo(?:\s*\(UTC\))?:\s*'([^']*)'/);
  if (validTo) d.validTo = validTo;
  const validFrom = quoted(message, /ValidFrom(?:\s*\(UTC\))?:\s*'([^']*)'/);
  if (validFrom) d.validFrom = validFrom;
  const now = quoted(message, /Current time(?:\s*\(UTC\))?:\s*'([^']*)'/);
  if (now) d.currentTime = now;
  const tried = quoted(message, /Keys tried:\s*'([^']*)'/);
  if (tried) d.keysTried = tried.slice(0, 300);
  return d;
}
