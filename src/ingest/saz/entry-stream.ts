/**
 * Streams a SAZ's sessions as Entries in session-number order. A few
 * sessions ahead are read (and large members inflated on the thread pool)
 * while the current one is parsed; memory stays bounded by that window.
 */
import type { Entry, EntryRef, RunWarning, TraceInfo } from '../../model/index.js';
import { HeaderInterner } from '../intern.js';
import type { OpenOptions } from '../types.js';
import { inThreadLoader, type LoadedParts } from './load-session.js';
import type { OpenedArchive } from './open-archive.js';
import { passwordError } from './open-archive.js';
import { buildEntry } from './session-entry.js';
import { ZipPasswordError } from './zip/zipjs-members.js';

const PROGRESS_INTERVAL_MS = 250;
const MAX_LISTED_ENTRIES = 100;
const MAX_MEMBER_WARNINGS = 50;

export async function* streamEntries(archive: OpenedArchive, path: string, options: OpenOptions, info: TraceInfo): AsyncGenerator<Entry> {
  const { sessions } = archive.layout;
  const warn = (w: RunWarning): void => options.onWarning?.(w);
  const interner = new HeaderInterner();
  const loader = inThreadLoader(archive.members, sessions, 0, interner);

  const tlsTunnelHosts = new Set<string>();
  const untimed: EntryRef[] = [];
  let untimedCount = 0;
  let memberWarnings = 0;
  let previousStart = 0;
  let lastProgress = performance.now();
  const progress = (bytesRead: number): void => options.onProgress?.({ input: options.input, bytesRead, totalBytes: archive.file.size, entries: info.entries });

  try {
    for (let i = 0; i < sessions.length; i++) {
      let loaded: LoadedParts;
      try {
        loaded = await loader.next();
      } catch (e) {
        if (e instanceof ZipPasswordError) throw passwordError(path, e.reason);
        throw e;
      }
      const session = sessions[i]!;
      const { parts, hasTimers } = loaded;
      const { entry, problems } = buildEntry(parts, {
        input: options.input,
        index: i + 1,
        path,
        session,
        tlsTunnelHosts,
        fallbackStartedAt: previousStart,
        interner,
      });
      const ref = { input: entry.input, index: entry.index };
      if (!hasTimers) {
        untimedCount++;
        if (untimed.length < MAX_LISTED_ENTRIES) untimed.push(ref);
      }
      const notes = [...loaded.failures, ...problems, ...(loaded.truncated ? ['a member is larger than 512 MB; its body was cut'] : [])];
      if (notes.length > 0 && memberWarnings++ < MAX_MEMBER_WARNINGS) {
        warn({ code: 'saz-session-problem', message: `${path}: session ${session.key}: ${notes.join('; ')}`, entries: [ref] });
      }
      previousStart = entry.startedAt;
      info.entries++;
      const now = performance.now();
      if (now - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        progress(archive.members.bytesReached);
      }
      yield entry;
    }
    info.sha256 = await archive.file.sha256();
    // The directory at the end was read up front, so the whole file has been read now.
    progress(archive.file.size);
    if (memberWarnings > MAX_MEMBER_WARNINGS) {
      warn({ code: 'saz-session-problem', message: `${path}: ${memberWarnings - MAX_MEMBER_WARNINGS} more sessions had problems`, entries: [] });
    }
    if (untimedCount > 0) {
      warn({
        code: 'saz-no-timers',
        message: `${path}: ${untimedCount} of ${sessions.length} sessions have no timers (_m.xml); their start times repeat the previous session's and file order is kept`,
        entries: untimed,
      });
    }
  } finally {
    archive.members.close();
    await archive.file.close();
  }
}
