/**
 * Secrets in the places errors and warnings come from: broken HARs cut or
 * corrupted right next to a token, SAZ archives with tokens in member names,
 * status lines, codings, chunk sizes, metadata and the zip comment, HAR
 * producer fields. Every reader's error, every output and the --debug path
 * stay free of them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { InputError, openTrace } from '../../src/ingest/index.js';
import { harOf } from '../helpers/har-writer.js';
import { secretTrace, type SecretTrace } from '../helpers/secret-trace.js';
import { runCli } from '../cli/run-cli.js';
import { harEntry, harText } from './generate/har-json.js';
import { zipBytes } from './generate/zip-writer.js';

let trace: SecretTrace;
let dir: string;
let token: string;
const files: Record<string, string> = {};

function expectNoSecret(text: string, where: string): void {
  for (const s of [...trace.secrets, ...trace.signatures]) expect(text.includes(s), `${where} holds a secret starting ${s.slice(0, 8)}`).toBe(false);
}

const put = (name: string, data: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  files[name] = path;
};

beforeAll(async () => {
  trace = await secretTrace();
  token = trace.secrets[0]!;
  dir = mkdtempSync(join(tmpdir(), 'trace-audit-secret-errors-'));
  const har = harOf(trace.entries);
  const at = har.indexOf(token);
  put('cut-inside-token.har', har.slice(0, at + Math.floor(token.length / 2)));
  put('cut-after-token.har', har.slice(0, at + token.length));
  put('broken-after-token.har', `${har.slice(0, at + token.length)}\u0000,,]${har.slice(at + token.length)}`);
  put('bad-escape-in-token.har', `${har.slice(0, at + 20)}\\x${har.slice(at + 20)}`);
  put('producer-fields.har', JSON.stringify({ log: { version: '1.2', creator: { name: token, version: token, comment: token }, browser: { name: token, version: '1' }, pages: [{ id: token, title: token, startedDateTime: '2024-05-01T10:00:00Z' }], entries: [{ ...harEntry(), pageref: token, comment: token, _error: token, serverIPAddress: token, connection: token }] } }));
  put('unknown-format-with-token.har', `[${JSON.stringify(token)}]`);
  const req = `GET https://api.contoso.example/orders?x=1 HTTP/1.1\r\nHost: api.contoso.example\r\nAuthorization: Bearer ${token}\r\n\r\n`;
  const session = (n: string, response: string, meta?: string) => [
    { name: `raw/${n}_c.txt`, data: Buffer.from(req) },
    { name: `raw/${n}_s.txt`, data: Buffer.from(response) },
    ...(meta ? [{ name: `raw/${n}_m.xml`, data: Buffer.from(meta) }] : []),
  ];
  put(
    'tokens-in-odd-places.saz',
    zipBytes(
      [
        ...session('01', `${token} 200 OK\r\n\r\n`),
        ...session('02', `HTTP/1.1 200 OK\r\nContent-Encoding: ${token}\r\n\r\nbody`),
        ...session('03', `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${token}\r\nabc\r\n`),
        ...session('04', 'HTTP/1.1 200 OK\r\n\r\n', `<Session SID="${token}" BitFlags="${token}"><SessionTimers ClientBeginRequest="${token}"/><SessionFlags><SessionFlag N="ui-comments" V="${token}"/><SessionFlag N="${token}" V="x"/></SessionFlags></Session>`),
        { name: `raw/${token}_c.txt`, data: Buffer.from(req) },
        { name: `../${token}`, data: Buffer.from('x') },
      ],
      token,
    ),
  );
  put('truncated-with-token.saz', zipBytes(session('01', `HTTP/1.1 401 x\r\nWWW-Authenticate: Bearer error_description="${token}"\r\n\r\n`)).subarray(0, 300));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reader errors never quote the file', () => {
  it('InputError messages of every reader hold no secret', async () => {
    let refused = 0;
    for (const [name, path] of Object.entries(files)) {
      try {
        const reader = await openTrace(path, { input: 0 });
        for await (const _ of reader.entries()) void _;
      } catch (e) {
        expect(e, `${name}: ${String(e)}`).toBeInstanceOf(InputError);
        expectNoSecret((e as Error).message, name);
        refused++;
      }
    }
    expect(refused).toBeGreaterThanOrEqual(4);
  });
});

describe('CLI outputs and error lines, with and without --debug', () => {
  it.each([
    ['text', ['--no-tui']],
    ['JSON', ['--json', '-']],
    ['Markdown', ['--markdown', '-']],
    ['text, --debug', ['--no-tui', '--debug']],
    ['JSON, --debug', ['--json', '-', '--debug']],
  ])('%s', (_label, args) => {
    for (const [name, path] of Object.entries(files)) {
      const r = runCli([...args, path]);
      expect([0, 1, 2], `${name}: ${r.stderr}`).toContain(r.code);
      expect(r.stderr).not.toMatch(/\n {4}at /);
      expectNoSecret(r.stdout + r.stderr, `${name} (${args.join(' ')})`);
    }
  });
});

describe('an unexpected error that quotes input', () => {
  async function runWithFailingStdout(extra: string[]): Promise<string> {
    const stderr = new PassThrough();
    let errText = '';
    stderr.on('data', (b: Buffer) => (errText += b.toString()));
    const stdout = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    // Any bug deep down may throw with input in its message (JSON.parse quotes what it chokes on).
    stdout.write = () => {
      throw new Error(`cannot write report near "${token}"`);
    };
    const stdin = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream;
    // The text summary is written straight to stdout, so a throw there is an unexpected error (not an output error).
    await main(['--no-tui', ...extra, join(dir, 'producer-fields.har')], { stdout, stderr: stderr as unknown as NodeJS.WriteStream, stdin, env: { NO_COLOR: '1' } });
    return errText;
  }

  it('is one redacted line without --debug', async () => {
    const err = await runWithFailingStdout([]);
    expect(err).toMatch(/internal error/);
    expectNoSecret(err, 'internal error line');
  });

  it('keeps secrets out of the --debug stack too', async () => {
    const err = await runWithFailingStdout(['--debug']);
    expect(err).toMatch(/\n {4}at /);
    expectNoSecret(err, '--debug stack');
  });
});
