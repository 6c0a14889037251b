import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/markdown.js';
import { JWT_PATTERN } from '../../src/report/redact.js';
import { fakeJwt, sampleReport, twoInputReport } from './sample-report.js';

const lines = (md: string) => md.split('\n');

/** Cells of a table row, splitting only on pipes that are not escaped. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** For every table: its header's column count and each row's cell count. */
function tableShapes(md: string): { columns: number; rows: number[] }[] {
  const tables: { columns: number; rows: number[] }[] = [];
  const all = lines(md);
  all.forEach((line, i) => {
    if (!line.startsWith('|')) return;
    if (all[i + 1]?.startsWith('|---')) tables.push({ columns: cells(line).length, rows: [] });
    else if (!line.startsWith('|---')) tables.at(-1)?.rows.push(cells(line).length);
  });
  return tables;
}

function rowStartingWith(md: string, start: string): string {
  const row = lines(md).find((l) => l.startsWith(start));
  if (!row) throw new Error(`no row starting with ${start}`);
  return row;
}

describe('formatMarkdown', () => {
  it('opens with input names and a verdict, then findings, tokens, inputs, run warnings', () => {
    const md = formatMarkdown(sampleReport());
    expect(lines(md)[0]).toBe('# trace-audit: session.har — 2 errors, 1 info');
    const headings = lines(md).filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Findings', '## Tokens', '## Inputs', '## Run warnings']);
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('puts the most severe findings first, then by number', () => {
    const report = sampleReport();
    const [f1, f2, f3] = report.findings;
    Object.assign(f1!, { id: 'F10' });
    Object.assign(f3!, { id: 'F1' });
    report.findings = [f3!, f1!, f2!];
    const order = lines(formatMarkdown(report))
      .filter((l) => l.startsWith('### '))
      .map((l) => l.split(' ')[1]);
    expect(order).toEqual(['F2', 'F10', 'F1']);
  });

  it('writes each finding as heading, message, evidence table and advice', () => {
    const md = formatMarkdown(sampleReport());
    const start = lines(md).indexOf('### F1 · error · signing-key-rotated — API refused a token signed with a newly published key');
    expect(start).toBeGreaterThan(0);
    const block = lines(md).slice(start, lines(md).indexOf('### F2 · error · aad-error — AADSTS50011: redirect URI mismatch'));
    expect(block[2]).toMatch(/^orders\.contoso\.com refused token 3f9c0a1b2c4d/);
    expect(block).toContain('| key | value |');
    expect(block).toContain('| entries | #24, #25 |');
    expect(block).toContain('| tokens | `3f9c0a1b2c4d` |');
    expect(block).toContain('| code | `IDX10501` |');
    expect(block).toContain('| oldKid | kWbkaa6qs8wsTnBwiiNYOhHbnAw |');
    expect(block).toContain('| jwksAfter | entry: #12; kids: kWbkaa6qs8wsTnBwiiNYOhHbnAw, nOo3ZDrODXEK1jKWhXslHR_KXEg |');
    expect(block).toContain('| recoveredAt | #30 |');
    expect(block).toContain('| refusedAt | 2024-05-01T10:01:02Z |');
    expect(block.some((l) => l.startsWith('> **What to do:** Restart the API'))).toBe(true);
  });

  it('names the input of each entry when there are several inputs', () => {
    const md = formatMarkdown(twoInputReport());
    expect(lines(md)[0]).toBe('# trace-audit: session.har, fiddler capture.saz — 2 errors, 1 info');
    expect(md).toContain('| entries | input 1 #24, input 2 #41 |');
    expect(cells(rowStartingWith(md, '| 2 |'))).toEqual(['2', 'fiddler capture.saz', 'SAZ', 'Fiddler Classic', '50', '`000000000000`']);
  });

  it('lists tokens with shortened issuer, ISO expiry, where issued and used', () => {
    const md = formatMarkdown(sampleReport());
    expect(cells(rowStartingWith(md, '| id |'))).toEqual(['id', 'kind', 'alg', 'kid', 'iss', 'aud', 'exp', 'signature', 'issued at', 'uses']);
    expect(cells(rowStartingWith(md, '| `3f9c0a1b2c4d`'))).toEqual([
      '`3f9c0a1b2c4d`', 'access', 'RS256', 'nOo3ZDrODXEK1jKWhXslHR_KXEg', 'sts.windows.net/72f988bf…/', 'api://orders',
      '2024-05-01T11:05:00Z', 'valid', '#18', '#20 (200), #24 (401)',
    ]);
    expect(cells(rowStartingWith(md, '| 1 |'))).toEqual(['1', 'session.har', 'HAR', 'Chrome 131', '214', '`a3f1c2d4e5b6`']);
  });

  it('escapes pipes and backticks in cells so rows keep their columns', () => {
    const report = sampleReport();
    report.findings[1]!.evidence = { redirectUri: 'https://a|b.example/`cb`', 'odd|key': 'x' };
    const md = formatMarkdown(report);
    expect(md).toContain('| redirectUri | https://a\\|b.example/\\`cb\\` |');
    expect(md).toContain('| odd\\|key | x |');
    expect(tableShapes(md)).toHaveLength(5);
    expect(tableShapes(md).every(({ columns, rows }) => rows.every((n) => n === columns))).toBe(true);
  });

  it('emits no raw HTML and no block markup from trace text', () => {
    const report = sampleReport();
    report.findings[1]!.message = '<script>alert(1)</script> from the login page';
    report.findings[1]!.title = 'Sign-in page said <b>no</b>';
    report.findings[2]!.message = '# not a heading\n- not a list\n1. not a list either';
    const md = formatMarkdown(report);
    expect(md).not.toMatch(/<[a-z/]/i);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; from the login page');
    expect(md).toContain('\\# not a heading\n\\- not a list\n1\\. not a list either');
  });

  it('lets no JWT-looking string survive, wherever it slipped in', () => {
    const jwt = fakeJwt();
    const report = sampleReport();
    report.findings[0]!.message = `API answered 401 to Bearer ${jwt}`;
    report.findings[0]!.title = `Refused ${jwt}`;
    report.findings[0]!.advice = `Do not paste ${jwt} anywhere`;
    report.findings[0]!.evidence.header = `Bearer ${jwt}`;
    report.findings[0]!.evidence.nested = { list: [jwt] };
    report.warnings[0]!.message = `entry had ${jwt}`;
    report.inputs[0]!.producer = jwt;
    const md = formatMarkdown(report);
    expect(md.match(JWT_PATTERN)).toBeNull();
    expect(md).not.toContain('c2lnbmF0dXJl');
    expect(md).toMatch(/API answered 401 to Bearer \[jwt [0-9a-f]{12}\]/);
  });

  it('shows the token as is with show-secrets', () => {
    const jwt = fakeJwt();
    const report = sampleReport();
    report.settings.redaction = 'show-secrets';
    report.findings[0]!.message = `API answered 401 to Bearer ${jwt}`;
    expect(formatMarkdown(report)).toContain(jwt);
  });

  it('removes terminal control characters', () => {
    const report = sampleReport();
    report.findings[0]!.message = 'red \u001b[31malert\u001b[0m \u0007bell \u202eevil';
    const md = formatMarkdown(report);
    expect(md).toContain('red [31malert[0m bell evil');
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
  });

  it('says so when nothing was found', () => {
    const report = sampleReport();
    Object.assign(report, { findings: [], tokens: [], warnings: [] });
    report.summary.findings = { error: 0, warning: 0, info: 0 };
    const md = formatMarkdown(report);
    expect(lines(md)[0]).toBe('# trace-audit: session.har — no findings');
    expect(md).toContain('## Findings\n\nNo findings.');
    expect(md).toContain('## Tokens\n\nNo tokens found.');
    expect(md).not.toContain('## Run warnings');
  });
});
