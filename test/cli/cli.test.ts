import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessClaims, AUTHORITY, CLIENT_ID, makeKey, signToken, T0, TraceBuilder } from '../helpers/trace-builder.js';
import { harOf } from '../helpers/har-writer.js';
import { FIXTURES, ROOT, runCli } from './run-cli.js';

let dir: string;
let healthy: string;
let failing: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trace-audit-cli-'));
  const key = await makeKey('key-1');
  const token = await signToken(key, accessClaims(T0));
  const ok = new TraceBuilder();
  ok.jwks([key]);
  ok.tokenResponse({ form: { grant_type: 'client_credentials', client_id: CLIENT_ID, scope: 'api://x/.default' }, tokens: { access_token: token } });
  ok.api('https://api.contoso.example/orders', token);
  healthy = join(dir, 'healthy.har');
  writeFileSync(healthy, harOf(ok.build()));

  const bad = new TraceBuilder();
  bad.tokenResponse({
    form: { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: 'Sup3r~Secret', scope: 'api://x/.default' },
    error: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] },
    status: 401,
  });
  failing = join(dir, 'failing.har');
  writeFileSync(failing, harOf(bad.build()));
});

describe('trace-audit CLI', () => {
  it('--help and --version exit 0', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--json <file\|->/);
    expect(help.stdout).toMatch(/--fail-on <level>/);
    const version = runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('text summary for a healthy trace: exit 0, no findings', () => {
    const r = runCli(['--no-tui', healthy]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 entries/);
  });

  it('a failing trace exits 1 and names the code and entry; --fail-on none exits 0', () => {
    const r = runCli(['--no-tui', failing]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/AADSTS7000215/);
    expect(r.stdout).toMatch(/#1\b/);
    expect(r.stdout).not.toContain('Sup3r~Secret');
    expect(runCli(['--no-tui', '--fail-on', 'none', failing]).code).toBe(0);
  });

  it('--json - writes a report that validates against the schema', () => {
    const r = runCli(['--json', '-', failing]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.findings[0]).toMatchObject({ id: 'F1', rule: 'aad-error', code: 'AADSTS7000215', entries: [{ input: 0, index: 1 }] });
    expect(r.stdout).not.toContain('Sup3r~Secret');
  });

  it('--json and --markdown to files; the output may not be an input', () => {
    const json = join(dir, 'out.json');
    const md = join(dir, 'out.md');
    const r = runCli(['--json', json, '--markdown', md, failing]);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(json, 'utf8')).schemaVersion).toMatch(/^1\./);
    expect(readFileSync(md, 'utf8')).toMatch(/AADSTS7000215/);
    const refused = runCli(['--json', failing, failing]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(failing, 'utf8')).toMatch(/^\{/);
  });

  it('reads stdin with -', () => {
    const r = runCli(['--no-tui', '-'], { input: readFileSync(failing) });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/AADSTS7000215/);
  });

  it('reads several inputs and globs into one timeline', () => {
    const r = runCli(['--json', '-', join(dir, '*.har')]);
    const report = JSON.parse(r.stdout);
    expect(report.inputs.map((i: { path: string }) => i.path.split('/').pop())).toEqual(['failing.har', 'healthy.har']);
    expect(report.summary.entries).toBe(4);
  });

  it.each([
    ['a missing file', ['nope.har'], /nope\.har: no such file/],
    ['a directory', ['test'], /test: is a directory/],
    ['not a trace', [join(FIXTURES, 'saz/notASazFile.saz')], /notASazFile\.saz: not a HAR \(JSON\) or SAZ \(zip\) file/],
    ['no input at all', [], /no trace given/],
    ['a bad option value', ['--clock-skew', 'soon', 'x.har'], /--clock-skew/],
    ['an unknown option', ['--frobnicate', 'x.har'], /unknown option/],
    ['a glob matching nothing', ['nothing-*.har'], /no file matches/],
  ])('bad input: %s → one line on stderr, exit 2', (_name, args, pattern) => {
    const r = runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern as RegExp);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('truncated HAR → one line, exit 2, and no output file left behind', () => {
    const truncated = join(dir, 'truncated.har');
    const text = readFileSync(healthy, 'utf8');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.6)));
    const out = join(dir, 'never.json');
    const r = runCli(['--json', out, truncated]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/truncated\.har/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('decode and explain', () => {
    const token = readFileSync(healthy, 'utf8').match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/)![0];
    const d = runCli(['decode', token]);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/api:\/\/99999999-8888-7777-6666-555555555555/);
    expect(d.stdout).not.toContain(token.split('.')[2]);
    const j = runCli(['decode', '--json', '-'], { input: `Bearer ${token}\n` });
    expect(JSON.parse(j.stdout).claims.aud).toBe('api://99999999-8888-7777-6666-555555555555');
    const e = runCli(['explain', 'AADSTS50011']);
    expect(e.code).toBe(0);
    expect(e.stdout).toMatch(/50011/);
    const bad = runCli(['explain', token]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain(token.slice(0, 30));
  });

  it('reads a real Fiddler SAZ', () => {
    const r = runCli(['--json', '-', join(FIXTURES, 'saz/NewCaseName_Coauth.saz')]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs[0]).toMatchObject({ format: 'saz', entries: 220 });
  });

  it('AUTHORITY constant is an Entra authority (sanity for builders)', () => {
    expect(AUTHORITY).toMatch(/^https:\/\/login\.microsoftonline\.com\//);
    mkdirSync(join(dir, 'x'), { recursive: true });
  });
});
