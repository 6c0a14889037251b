/**
 * HAR timestamps: ISO 8601 with `Z` or a local offset (Firefox, Charles, mitmproxy),
 * often with more than 3 fractional digits (mitmproxy writes microseconds, .NET
 * writes 7 digits). `Date.parse` truncates the fraction to milliseconds and reads a
 * time without offset as local time; this parser keeps sub-millisecond precision and
 * reads a missing offset as UTC, so results do not depend on the machine's time zone.
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?$/;

/** Epoch milliseconds (with fractions), or NaN when the value is not a recognizable time. */
export function parseHarTime(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const m = ISO.exec(value.trim());
  if (!m) {
    // Other shapes (RFC 1123 dates from odd exporters) only if they carry a zone.
    return /(?:Z|GMT|UTC|[+-]\d{2}:?\d{2})\s*$/i.test(value) ? Date.parse(value) : NaN;
  }
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return NaN;
  let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
  if (frac) ms += Number(`0.${frac}`) * 1000;
  if (sign) {
    const offsetMinutes = Number(oh) * 60 + Number(om ?? 0);
    ms -= (sign === '-' ? -1 : 1) * offsetMinutes * 60_000;
  }
  return ms;
}
