import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSaz, readSazBody } from '../../../src/ingest/saz/index.js';
import { metadataXml, request, response, TempDir, type ZipFileSpec } from './saz-builder.js';
import { readAll } from './read-entries.js';

const PASSWORD = 'correct horse battery staple';

const files: ZipFileSpec[] = [
  { name: 'raw/1_c.txt', data: request('GET', 'https://graph.microsoft.com/v1.0/me', { Host: 'graph.microsoft.com', Authorization: 'Bearer not-a-real-token' }) },
  { name: 'raw/1_s.txt', data: response('401 Unauthorized', { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer error="invalid_token"' }, '{"error":{"code":"InvalidAuthenticationToken"}}') },
  { name: 'raw/1_m.xml', data: metadataXml(1, { ClientBeginRequest: '2024-03-01T12:00:00.1234567Z', ClientDoneResponse: '2024-03-01T12:00:00.2234567Z' }) },
  { name: 'raw/2_c.txt', data: request('GET', 'https://graph.microsoft.com/v1.0/users', { Host: 'graph.microsoft.com' }) },
];

let dir: TempDir;
const paths: Record<string, string> = {};

beforeAll(async () => {
  dir = await TempDir.create();
  paths.zipCrypto = await dir.writeZip('zipcrypto.saz', files, { password: PASSWORD, zipCrypto: true });
  paths.aes = await dir.writeZip('aes.saz', files, { password: PASSWORD });
});
afterAll(async () => {
  await dir.remove();
});

describe.each(['zipCrypto', 'aes'])('password-protected SAZ (%s)', (kind) => {
  it('reads with the right password', async () => {
    const { entries } = await readAll(paths[kind]!, PASSWORD);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.response.status).toBe(401);
    expect(entries[0]!.response.body!.text).toBe('{"error":{"code":"InvalidAuthenticationToken"}}');
    expect(entries[0]!.durationMs).toBeCloseTo(100, 6);
    expect(entries[1]!.request.url).toBe('https://graph.microsoft.com/v1.0/users');
  });

  it('asks for a password when none is given', async () => {
    const path = paths[kind]!;
    const error = await openSaz(path, { input: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'InputError',
      code: 'password-required',
      message: `${path}: SAZ is password-protected; pass --password or set TRACE_AUDIT_SAZ_PASSWORD`,
    });
  });

  it('refuses a wrong password without echoing it', async () => {
    const path = paths[kind]!;
    const error = await openSaz(path, { input: 0, password: 'hunter2-wrong' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'wrong-password', message: `${path}: wrong password for this SAZ` });
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('reads a body back with the password, and refuses without it', async () => {
    const loc = { kind: 'saz-member' as const, path: paths[kind]!, member: 'raw/1_s.txt' };
    expect((await readSazBody(loc, { password: PASSWORD })).toString()).toBe('{"error":{"code":"InvalidAuthenticationToken"}}');
    await expect(readSazBody(loc, {})).rejects.toMatchObject({ code: 'password-required' });
    await expect(readSazBody(loc, { password: 'nope' })).rejects.toMatchObject({ code: 'wrong-password' });
  });
});
