import { describe, expect, it } from 'vitest';
import { parseDotnetTime } from '../../../src/rules/support/dotnet-time.js';

describe('parseDotnetTime', () => {
  const at = (iso: string) => Date.parse(iso);
  const cases: [string, number | undefined][] = [
    ['05/01/2024 10:00:00', at('2024-05-01T10:00:00Z')], // invariant culture
    ['5/1/2024 10:00:00 AM', at('2024-05-01T10:00:00Z')], // en-US
    ['12/27/2024 4:41:52 PM', at('2024-12-27T16:41:52Z')],
    ['1/6/2025 12:03:26 AM', at('2025-01-06T00:03:26Z')],
    ['1/6/2025 12:03:26 PM', at('2025-01-06T12:03:26Z')],
    ['27/12/2024 16:41:52', at('2024-12-27T16:41:52Z')], // day first when it cannot be a month
    ['27.12.2025 03:58:47', at('2025-12-27T03:58:47Z')], // de / tr
    ['2024-03-20 오후 12:52:47', at('2024-03-20T12:52:47Z')], // ko
    ['2024-03-20 오전 10:42:27', at('2024-03-20T10:42:27Z')],
    ['2024-05-01 10:00:00', at('2024-05-01T10:00:00Z')],
    ['2024-05-01T10:00:00.1234567Z', at('2024-05-01T10:00:00.123Z')], // round-trip
    ['2024-05-01T10:00:00', at('2024-05-01T10:00:00Z')], // no zone: UTC, as the messages say
    ['13/13/2024 10:00:00', undefined],
    ['01/01/0001 00:00:00', Date.parse('0001-01-01T00:00:00Z')], // DateTime.MinValue in "(null)" messages
    ['yesterday', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`${text || '(empty)'}`, () => expect(parseDotnetTime(text)).toBe(expected));
  }
});
