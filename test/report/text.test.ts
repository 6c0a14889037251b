import { describe, expect, it } from 'vitest';
import { JWT_PATTERN } from '../../src/report/redact.js';
import { humanDuration } from '../../src/report/display.js';
import { formatText } from '../../src/report/text.js';
import { fakeJwt, sampleReport, twoInputReport } from './sample-report.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const lines = (text: string) => text.trimEnd().split('\n');

describe('formatText', () => {
  it('prints inputs, time range, hosts, statuses, grouped findings and a total, in that order', () => {
    const out = lines(formatText(sampleReport(), { color: false }));
    expect(out[0]).toBe('trace-audit 0.1.0 · 2 errors, 1 info');
    const at = (prefix: string) => out.findIndex((l) => l.startsWith(prefix));
    const order = ['Input ', 'Time ', 'Hosts ', 'Status ', 'Errors (2)', '  F1 ', '  F2 ', 'Info (1)', '  F3 '].map(at);
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out[at('Input ')]).toBe('Input   /cases/4711/session.har (HAR, Chrome 131, 214 entries)');
    expect(out[at('Time ')]).toBe('Time    2024-05-01T10:00:00Z → 2024-05-01T10:03:12.500Z (3m 13s)');
    expect(out[at('Status ')]).toBe('Status  200 ×180 · 302 ×12 · 400 ×18 · 401 ×3 · no response ×1');
    expect(out.at(-1)).toBe('2 errors, 1 info · 214 entries · 2 tokens · 1 run warning');
  });

  it('writes one line per finding: id, severity, rule, entry numbers, message', () => {
    const out = lines(formatText(sampleReport(), { color: false, width: 140 }));
    expect(out).toContain('  F2 error  aad-error            #17      The token endpoint answered invalid_grant with AADSTS50011 for client 0e8a1b2c.');
    expect(out.find((l) => l.startsWith('  F1 '))).toMatch(/^ {2}F1 error {2}signing-key-rotated {2}#24 #25 {2}orders\.contoso\.com refused/);
  });

  it('prefixes entry numbers with the input number when there are several inputs', () => {
    const out = formatText(twoInputReport(), { color: false });
    expect(out).toContain('1:#24 2:#41');
    expect(out).toContain('Inputs  1 /cases/4711/session.har (HAR, Chrome 131, 214 entries)');
    expect(out).toContain('        2 C:\\traces\\fiddler capture.saz (SAZ, Fiddler Classic, 50 entries)');
  });

  it('shows the top 8 hosts and how many more', () => {
    const report = sampleReport();
    report.summary.hosts = Array.from({ length: 12 }, (_, i) => ({ host: `h${i}.example`, entries: 20 - i }));
    const hosts = lines(formatText(report, { color: false, width: 200 })).find((l) => l.startsWith('Hosts'));
    expect(hosts).toBe(`Hosts   ${Array.from({ length: 8 }, (_, i) => `h${i}.example ${20 - i}`).join(' · ')} · +4 more`);
  });

  it.each([40, 60, 80, 100, 140])('keeps every line within %i columns', (width) => {
    const report = twoInputReport();
    report.summary.findings = { error: 12, warning: 13, info: 14 };
    report.findings[0]!.message = `${'A long explanation of what happened to the token. '.repeat(6)}https://login.microsoftonline.com/${'x'.repeat(150)}`;
    for (const line of lines(formatText(report, { color: false, width }))) expect(line.length).toBeLessThanOrEqual(width);
  });

  it('wraps a long message under its own column', () => {
    const report = sampleReport();
    report.findings[1]!.message = 'word '.repeat(60).trim();
    const out = lines(formatText(report, { color: false, width: 120 }));
    const first = out.findIndex((l) => l.startsWith('  F2 '));
    const column = out[first]!.indexOf('word');
    expect(out[first + 1]!.indexOf('word')).toBe(column);
    expect(out[first + 1]!.slice(0, column).trim()).toBe('');
  });

  it('puts every message under its head when one head is too wide for a message column beside it', () => {
    const report = sampleReport();
    report.findings[0]!.entries = Array.from({ length: 12 }, (_, i) => ({ input: 0, index: 100 + i }));
    const out = lines(formatText(report, { color: false, width: 100 }));
    for (const id of ['F1', 'F2']) {
      const head = out.findIndex((l) => l.startsWith(`  ${id} `));
      expect(out[head + 1]!.startsWith('      ')).toBe(true);
      expect(out[head + 1]!.trim().length).toBeGreaterThan(0);
    }
    expect(out.find((l) => l.startsWith('  F2 '))!.trimEnd()).toBe('  F2 error  aad-error  #17');
  });

  it('has no ANSI escapes without colour, and only adds escapes with colour', () => {
    const plain = formatText(sampleReport(), { color: false });
    const coloured = formatText(sampleReport(), { color: true });
    expect(plain).not.toContain('\u001b');
    expect(coloured).toMatch(/\u001b\[31m error/);
    expect(coloured).not.toBe(plain);
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it('strips control sequences a server put in a message, even with colour on', () => {
    const report = sampleReport();
    report.findings[0]!.message = 'clear \u001b[2J\u001b]0;pwned\u0007 screen';
    const coloured = formatText(report, { color: true });
    expect(coloured.replace(ANSI, '')).not.toContain('\u001b');
    expect(coloured).not.toContain('\u0007');
  });

  it('never prints a token that slipped into a message', () => {
    const jwt = fakeJwt();
    const report = sampleReport();
    report.findings[0]!.message = `refused ${jwt}`;
    report.inputs[0]!.path = `/tmp/${jwt}.har`;
    const out = formatText(report, { color: false, width: 300 });
    expect(out.match(JWT_PATTERN)).toBeNull();
    expect(out).toMatch(/refused \[jwt [0-9a-f]{12}\]/);
  });

  it('says so when nothing was found', () => {
    const report = sampleReport();
    Object.assign(report, { findings: [], warnings: [] });
    report.summary.findings = { error: 0, warning: 0, info: 0 };
    report.summary.timeRange = null;
    delete report.summary.hosts;
    const out = lines(formatText(report, { color: false }));
    expect(out).toContain('No findings.');
    expect(out.some((l) => l.startsWith('Time') || l.startsWith('Hosts'))).toBe(false);
    expect(out.at(-1)).toBe('no findings · 214 entries · 2 tokens · 0 run warnings');
  });
});

describe('humanDuration', () => {
  it.each([
    [850, '850ms'],
    [192_500, '3m 13s'],
    [7_500_000, '2h 05m'],
    [10_155_417_000, '117d 12h'],
    [Number.NaN, '?'],
  ])('%d ms reads %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
