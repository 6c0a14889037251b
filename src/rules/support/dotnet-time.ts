/**
 * Times as .NET prints them in IDX messages and JwtBearer challenges. The
 * value is UTC, but its text depends on the server's culture:
 *   invariant   "05/01/2024 10:00:00"        (MM/dd/yyyy HH:mm:ss)
 *   en-US       "5/1/2024 10:00:00 AM"
 *   de, tr, ru  "01.05.2024 10:00:00"
 *   sv, ko...   "2024-05-01 10:00:00" ("오전"/"오후" for AM/PM in ko)
 *   round-trip  "2024-05-01T10:00:00.0000000Z"
 * Slash dates are read month first (invariant and en-US, by far the most
 * common in server logs) unless the first number cannot be a month.
 */

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  // Date.UTC maps years 0-99 to 1900-1999; .NET's DateTime.MinValue (year 1) must stay year 1.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  const ms = date.getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

function hour24(h: number, marker: string | undefined): number {
  if (!marker) return h;
  const pm = /^(pm|p\.m\.|오후)$/i.test(marker);
  const am = /^(am|a\.m\.|오전)$/i.test(marker);
  if (pm && h < 12) return h + 12;
  if (am && h === 12) return 0;
  return h;
}

const TIME = String.raw`(\d{1,2}):(\d{2}):(\d{2})(?:[.,]\d+)?`;
const MARKER = String.raw`(AM|PM|a\.m\.|p\.m\.|오전|오후)`;
const SLASH = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})\s+(?:${MARKER}\s+)?${TIME}(?:\s*${MARKER})?$`, 'i');
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})\s+${TIME}$`);
const DASHED = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})\s+(?:${MARKER}\s+)?${TIME}(?:\s*${MARKER})?$`, 'i');
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch ms of a .NET-formatted UTC time, or undefined when the text is not one of the known shapes. */
export function parseDotnetTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const t = text.trim();
  if (ISO.test(t)) {
    const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`);
    return Number.isFinite(ms) ? ms : undefined;
  }
  let m = SLASH.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const [month, day] = a > 12 ? [b, a] : [a, b];
    return utc(Number(m[3]), month, day, hour24(Number(m[5]), m[4] ?? m[8]), Number(m[6]), Number(m[7]));
  }
  m = DOTTED.exec(t);
  if (m) return utc(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = DASHED.exec(t);
  if (m) return utc(Number(m[1]), Number(m[2]), Number(m[3]), hour24(Number(m[5]), m[4] ?? m[8]), Number(m[6]), Number(m[7]));
  return undefined;
}
