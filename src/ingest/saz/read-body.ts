/**
 * Reads one body back from a SAZ after ingest let go of it: re-opens the zip
 * (with the password), re-parses the member's HTTP message and undoes its
 * chunked/content encodings. The last directory read is cached, so paging
 * through bodies of a large SAZ does not re-read its directory every time.
 */
import { stat } from 'node:fs/promises';
import type { BodyLocation } from '../../model/index.js';
import { decodeBodyAsync, parseRequest, parseResponse } from '../http/index.js';
import { InputError } from '../errors.js';
import { openBlockFile, passwordError, readDirectory } from './open-archive.js';
import type { ZipMember } from './zip/central-directory.js';
import { MemberReader } from './zip/member-reader.js';
import { ZipMemberError, ZipPasswordError } from './zip/zipjs-members.js';

interface CachedDirectory {
  path: string;
  size: number;
  mtimeMs: number;
  members: Map<string, ZipMember>;
}

let cache: CachedDirectory | undefined;

export async function readSazBody(loc: Extract<BodyLocation, { kind: 'saz-member' }>, options: { password?: string }): Promise<Buffer> {
  const file = await openBlockFile(loc.path, { hash: false });
  try {
    const st = await stat(loc.path);
    if (!cache || cache.path !== loc.path || cache.size !== st.size || cache.mtimeMs !== st.mtimeMs) {
      const directory = await readDirectory(file, loc.path);
      cache = { path: loc.path, size: st.size, mtimeMs: st.mtimeMs, members: new Map(directory.members.map((m) => [m.name, m])) };
    }
    const member = cache.members.get(loc.member);
    if (!member) throw new InputError('body-not-found', `${loc.path}: no member ${loc.member} in this SAZ`);
    if (member.encrypted && !options.password) throw passwordError(loc.path, 'required');

    let data: Buffer;
    try {
      data = (await new MemberReader(file, loc.path, options.password).read(member)).bytes;
    } catch (e) {
      if (e instanceof ZipPasswordError) throw passwordError(loc.path, e.reason);
      if (e instanceof ZipMemberError) throw new InputError('body-unreadable', `${loc.path}: ${loc.member} could not be read (${e.message})`);
      throw e;
    }
    const message = /_c\.txt$/i.test(loc.member) ? parseRequest(data) : parseResponse(data);
    if (!message) return Buffer.alloc(0);
    return (await decodeBodyAsync(message.body, message.headers)).bytes;
  } finally {
    await file.close();
  }
}
