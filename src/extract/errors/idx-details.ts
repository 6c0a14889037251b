/**
 * Values inside Microsoft.IdentityModel messages (LogMessages.cs), across versions:
 *  IDX10214: Audience validation failed. Audiences: 'a, b'. Did not match: validationParameters.ValidAudience: 'c' or validationParameters.ValidAudiences: 'd, e'.
 *  IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom (UTC): '…', Current time (UTC): '…'.   (6.x early: "ValidFrom: '…'", 5.x: "\nValidFrom: '…'\nCurrent time: '…'")
 *  IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '…', Current time (UTC): '…'.
 *  IDX10501 (≤6.x): Signature validation failed. Unable to match key: kid: '…'. (5.x: "Unable to match 'kid': '…'")
 *  IDX10503 (7.x+): Signature validation failed. The token's kid is: '…', but did not match any keys … Keys tried: '…'.
 *  IDX10511: Signature validation failed. Keys tried: '…'. … kid: '…'.
 *  IDX10205: Issuer validation failed. Issuer: '…'. Did not match: validationParameters.ValidIssuer: '…' or validationParameters.ValidIssuers: '…'
 *            [7.x: or validationParameters.ConfigurationManager.CurrentConfiguration.Issuer: '…'].
 * Values the library hid ("[PII of type 'System.String' is hidden. For more details, see …]",
 * "[PII is hidden …]", "[Security Artifact of type '…' is hidden …]") and 'null'/'empty'
 * placeholders are left out rather than reported as values.
 */
import type { ErrorDetails } from '../session.js';

const HIDDEN = '\u0000hidden\u0000';
/** The library's placeholders contain quotes themselves, so they must go before quote-delimited parsing. */
// Bounded repetitions: an unbounded `[^\]]*` rescans to the end of the text from every "[PII", quadratic on hostile input.
const HIDDEN_MARKERS = /\[(?:PII|Security Artifact)(?: of type '[^']{0,200}')? is hidden[^\]]{0,400}\]/gi;

/**
 * Messages found in JSON bodies keep the body's escapes: System.Text.Json
 * writes quotes as \u0027 / \u0022 by default, newlines as \n.
 */
function unescapeJsonish(message: string): string {
  return message
    .replace(/\\u0027/gi, "'")
    .replace(/\\u0022|\\"/gi, '"')
    .replace(/\\r\\n|\\n|\r?\n/g, ' ');
}

function normalize(message: string): string {
  return unescapeJsonish(message).replace(HIDDEN_MARKERS, HIDDEN);
}

function usable(v: string | undefined): string | undefined {
  const t = v?.trim();
  if (!t || t.includes(HIDDEN) || t === 'null' || t === 'empty' || t === '(null)') return undefined;
  return t;
}

function quoted(message: string, label: RegExp): string | undefined {
  return usable(label.exec(message)?.[1]);
}

/** "a, b" or "'a', 'b'" (the library joins lists with ", "). */
function list(v: string | undefined): string[] | undefined {
  if (!v) return undefined;
  const parts = v
    .split(/',\s*'|,\s*/)
    .map((p) => usable(p.replace(/^'|'$/g, '')))
    .filter((p): p is string => p !== undefined);
  return parts.length ? parts : undefined;
}

function firstOf(message: string, labels: RegExp[]): string | undefined {
  for (const l of labels) {
    const v = quoted(message, l);
    if (v) return v;
  }
  return undefined;
}

const KID = [/\bkid is:\s*'([^']*)'/i, /\bkid:\s*'([^']*)'/i, /'kid':\s*'([^']*)'/i, /\bkid\s+'([^']*)'/i];

/**
 * "Keys tried: '…'" lists key descriptions that contain quotes themselves
 * (7.x: "JsonWebKey, Use: 'sig',  Kid: 'abc', Kty: 'RSA'…"), so the list is
 * cut where the next labelled part starts, and taken out of the message so
 * its "Kid: '…'" is not read as the token's kid.
 */
function splitKeysTried(message: string): { rest: string; keysTried?: string } {
  const start = /Keys tried:\s*'/i.exec(message);
  if (!start) return { rest: message };
  const from = start.index + start[0].length;
  const end = /'\.?\s*(?:Number of keys|kid:|Exceptions caught|Matched key|token:)/i.exec(message.slice(from));
  const to = end ? from + end.index : message.length;
  const keysTried = usable(message.slice(from, to).replace(/'\s*$/, ''));
  const rest = message.slice(0, start.index) + message.slice(to);
  return keysTried ? { rest, keysTried } : { rest };
}

export function parseIdxDetails(raw: string): ErrorDetails {
  const { rest: message, keysTried } = splitKeysTried(normalize(raw));
  const d: ErrorDetails = {};
  const kid = firstOf(message, KID);
  if (kid) d.kid = kid;
  const aud = list(quoted(message, /\bAudiences:\s*'([^']*)'/));
  if (aud) d.audiences = aud;
  const validAud = [
    ...(list(quoted(message, /ValidAudience:\s*'([^']*)'/)) ?? []),
    ...(list(quoted(message, /ValidAudiences:\s*'([^']*)'/)) ?? []),
  ];
  if (validAud.length) d.validAudiences = [...new Set(validAud)];
  const iss = quoted(message, /(?:^|[^.\w])Issuer:\s*'([^']*)'/);
  if (iss) d.issuer = iss;
  const validIss = [
    ...(list(quoted(message, /ValidIssuer:\s*'([^']*)'/)) ?? []),
    ...(list(quoted(message, /ValidIssuers:\s*'([^']*)'/)) ?? []),
    ...(list(quoted(message, /CurrentConfiguration\.Issuer:\s*'([^']*)'/)) ?? []),
  ];
  if (validIss.length) d.validIssuers = [...new Set(validIss)];
  const validTo = quoted(message, /ValidTo(?:\s*\(UTC\))?:\s*'([^']*)'/);
  if (validTo) d.validTo = validTo;
  const validFrom = quoted(message, /ValidFrom(?:\s*\(UTC\))?:\s*'([^']*)'/);
  if (validFrom) d.validFrom = validFrom;
  const now = quoted(message, /Current time(?:\s*\(UTC\))?:\s*'([^']*)'/);
  if (now) d.currentTime = now;
  if (keysTried) d.keysTried = keysTried.slice(0, 300);
  return d;
}
