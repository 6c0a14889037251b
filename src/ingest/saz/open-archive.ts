/**
 * Opens a SAZ: the file, its zip directory, its session layout, and the
 * password check. Every failure a user can cause becomes a one-line
 * InputError naming the file.
 */
import { InputError } from '../errors.js';
import { groupSessions, type SessionLayout } from './sessions.js';
import { BlockFile } from './zip/block-file.js';
import { readCentralDirectory, ZipFormatError, type ZipDirectory, type ZipMember } from './zip/central-directory.js';
import { INFLATE_THREAD_MIN_FILE_BYTES, InflateThread } from './zip/inflate-thread.js';
import { MemberReader } from './zip/member-reader.js';
import { ZipMemberError, ZipPasswordError } from './zip/zipjs-members.js';

export interface OpenedArchive {
  file: BlockFile;
  directory: ZipDirectory;
  layout: SessionLayout;
  members: MemberReader;
}

export async function openBlockFile(path: string, options: { hash?: boolean } = {}): Promise<BlockFile> {
  try {
    return await BlockFile.open(path, options);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('not-found', `${path}: no such file`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('no-access', `${path}: permission denied`);
    if (code === 'EISDIR') throw new InputError('is-directory', `${path}: is a directory, not a trace file`);
    throw new InputError('unreadable', `${path}: cannot read (${code ?? 'unknown error'})`);
  }
}

export async function readDirectory(file: BlockFile, path: string): Promise<ZipDirectory> {
  try {
    return await readCentralDirectory(file);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new InputError('not-a-zip', `${path}: not a SAZ (not a readable zip: ${e.message})`);
    throw new InputError('unreadable', `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'I/O error'})`);
  }
}

export function passwordError(path: string, reason: 'required' | 'wrong'): InputError {
  return reason === 'required'
    ? new InputError('password-required', `${path}: SAZ is password-protected; pass --password or set TRACE_AUDIT_SAZ_PASSWORD`)
    : new InputError('wrong-password', `${path}: wrong password for this SAZ`);
}

/**
 * Decrypts the smallest encrypted member with a CRC check: a ZipCrypto
 * password check byte lets one wrong password in 256 through, the CRC does not.
 * Returns whether the archive has encrypted members.
 */
async function checkPassword(path: string, layout: SessionLayout, members: MemberReader, password: string | undefined): Promise<boolean> {
  let smallest: ZipMember | undefined;
  for (const s of layout.sessions) {
    for (const m of [s.request, s.response, s.metadata]) {
      if (m?.encrypted && (!smallest || m.compressedSize < smallest.compressedSize)) smallest = m;
    }
  }
  if (!smallest) return false;
  if (password === undefined || password === '') throw passwordError(path, 'required');
  try {
    await members.read(smallest, undefined, true);
  } catch (e) {
    if (e instanceof ZipPasswordError || e instanceof ZipMemberError) throw passwordError(path, 'wrong');
    throw e;
  }
  return true;
}

/** Sizes the SAZ reader works with. Tests change them to force every code path on small files. */
export interface SazTuning {
  /** Archives at least this large inflate their members on a second thread (see InflateThread). */
  inflateThreadMinBytes: number;
  /** Wait for that thread to start before reading (by default the first sessions are read meanwhile): for tests. */
  awaitInflateThread?: boolean;
}

export const DEFAULT_SAZ_TUNING: SazTuning = { inflateThreadMinBytes: INFLATE_THREAD_MIN_FILE_BYTES };

export async function openArchive(path: string, password: string | undefined, tuning: SazTuning = DEFAULT_SAZ_TUNING): Promise<OpenedArchive> {
  const file = await openBlockFile(path);
  try {
    const directory = await readDirectory(file, path);
    const layout = groupSessions(directory.members);
    if (layout.sessions.length === 0) throw new InputError('not-a-saz', `${path}: not a SAZ (zip without raw/ sessions)`);
    const encrypted = await checkPassword(path, layout, new MemberReader(file, path, password), password);
    // Encrypted members go through zip.js on the main thread: the inflating thread would have nothing to do.
    const thread = !encrypted && file.size >= tuning.inflateThreadMinBytes ? InflateThread.start(path, file.size) : null;
    if (thread && tuning.awaitInflateThread) await thread.started;
    const members = new MemberReader(file, path, password, thread);
    return { file, directory, layout, members };
  } catch (e) {
    await file.close();
    throw e;
  }
}
