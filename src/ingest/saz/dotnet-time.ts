/**
 * .NET round-trip ("o") timestamps as Fiddler writes them in _m.xml:
 * `2020-09-01T13:57:52.2118610-06:00` (up to 7 fractional digits, local
 * offset). `0001-01-01T00:00:00` is DateTime.MinValue: the timer never fired.
 */

const ROUND_TRIP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch milliseconds (with sub-millisecond fractions), or undefined when unset or unparseable. */
export function parseDotNetTime(text: string): number | undefined {
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
  const zone = m[8];
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
