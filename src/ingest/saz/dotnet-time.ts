/**
 * .NET round-trip ("o") timestamps as Fiddler writes them in _m.xml:
 * `2020-09-01T13:57:52.2118610-06:00` (up to 7 fractional digits, local
 * offset). `0001-01-01T00:00:00` is DateTime.MinValue: the timer never fired.
 */

const ROUND_TRIP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch milliseconds (with sub-millisecond fractions), or undefined when unset or unparseable. */
export function parseDotNetTime(text: string): number | undefined {
  const fast = exactShape(text);
  if (fast !== null) return fast;
  const m = ROUND_TRIP.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year <= 1) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, Number(m[2]) - 1, Number(m[3]));
  date.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), 0);
  let ms = date.getTime();
  if (Number.isNaN(ms)) return undefined;
  if (m[7]) ms += Number(`0.${m[7]}`) * 1000;
  return withZone(ms, m[8]);
}

function withZone(ms: number, zone: string | undefined): number {
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    // Local time = UTC + offset, so UTC = local - offset.
    ms -= sign * minutes * 60_000;
  }
  // An offset-less value is DateTimeKind.Unspecified; reading it as UTC is the only neutral choice.
  return ms;
}

const DIGIT_0 = 0x30;

/** The decimal number in text[at, at+n), or -1 when a character there is not a digit. */
function digits(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * The shape Fiddler always writes, read by character codes: every session has a dozen
 * timers, and the regular expression and Date calls above cost several microseconds each.
 * Gives what the general path gives, bit for bit (a decimal fraction divided by its power
 * of ten is the same correctly rounded double as the parsed "0.fffffff"); null for any
 * other shape (spaces, years before 1000, odd zones), which the general path reads.
 */
function exactShape(t: string): number | undefined | null {
  if (t.length < 19 || t.charCodeAt(4) !== 0x2d || t.charCodeAt(7) !== 0x2d || t.charCodeAt(10) !== 0x54 || t.charCodeAt(13) !== 0x3a || t.charCodeAt(16) !== 0x3a) return null;
  const year = digits(t, 0, 4);
  const month = digits(t, 5, 2);
  const day = digits(t, 8, 2);
  const hour = digits(t, 11, 2);
  const minute = digits(t, 14, 2);
  const second = digits(t, 17, 2);
  if (year < 1000 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
  let p = 19;
  let fraction = 0;
  let fractionDigits = 0;
  if (t.charCodeAt(p) === 0x2e) {
    while (fractionDigits < 7 && p + 1 + fractionDigits < t.length) {
      const d = t.charCodeAt(p + 1 + fractionDigits) - DIGIT_0;
      if (d < 0 || d > 9) break;
      fraction = fraction * 10 + d;
      fractionDigits++;
    }
    if (fractionDigits === 0) return null;
    p += 1 + fractionDigits;
  }
  let zone: string | undefined;
  if (p < t.length) {
    const c = t.charCodeAt(p);
    if (c === 0x5a && p + 1 === t.length) zone = 'Z';
    else if ((c === 0x2b || c === 0x2d) && p + 6 === t.length && t.charCodeAt(p + 3) === 0x3a && digits(t, p + 1, 2) >= 0 && digits(t, p + 4, 2) >= 0) zone = t.slice(p);
    else return null;
  }
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, 0);
  if (Number.isNaN(ms)) return undefined;
  if (fractionDigits > 0) ms += (fraction / 10 ** fractionDigits) * 1000;
  return withZone(ms, zone);
}
