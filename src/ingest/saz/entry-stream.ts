/**
 * Streams a SAZ's sessions as Entries in session-number order. A few
 * sessions ahead are read (and large members inflated on the thread pool)
 * while the current one is parsed; memory stays bounded by that window.
 */
import type { Entry, EntryRef, RunWarning, TraceInfo } from '../../model/index.js';
import { HeaderInterner } from '../intern.js';
import type { OpenOptions } from '../types.js';
import { parseSessionMetadata } from './metadata.js';
import type { OpenedArchive } from './open-archive.js';
import { passwordError } from './open-archive.js';
import { buildEntry, type SessionParts } from './session-entry.js';
import { binaryResponseFromHead, prepareRequest, prepareResponse, type PreparedRequest, type PreparedResponse } from './session-messages.js';
import type { SazSession } from './sessions.js';
import { countWebSocketMessages } from './websocket-log.js';
import type { ZipMember } from './zip/central-directory.js';
import { ZipPasswordError, type CappedBytes } from './zip/zipjs-members.js';

const LOOKAHEAD_SESSIONS = 8;
const LOOKAHEAD_BYTES = 32 << 20;
const PROGRESS_INTERVAL_MS = 250;
const MAX_LISTED_ENTRIES = 100;
const MAX_MEMBER_WARNINGS = 50;

interface LoadedSession {
  request?: PreparedRequest;
  requestTruncated: boolean;
  response: PreparedResponse | 'none' | 'unreadable';
  responseTruncated: boolean;
  metadata?: CappedBytes;
  webSocket?: CappedBytes;
  failures: string[];
}

function compressedBytes(s: SazSession): number {
  return [s.request, s.response, s.metadata, s.webSocket].reduce((n, m) => n + (m?.compressedSize ?? 0), 0);
}

/** Responses this large are first read up to their head, in case their body need not be inflated at all. */
const PEEK_MEMBER_BYTES = 32 << 10;
const PEEK_COMPRESSED_BYTES = 4 << 10;
const PEEK_MAX_BYTES = 16 << 10;

/** A large response with a media body, prepared from its head alone (undefined: read it whole). */
async function binaryResponse(archive: OpenedArchive, member: ZipMember | undefined, interner: HeaderInterner): Promise<PreparedResponse | undefined> {
  if (!member || member.uncompressedSize < PEEK_MEMBER_BYTES) return undefined;
  try {
    const start = await archive.members.readStart(member, PEEK_COMPRESSED_BYTES, PEEK_MAX_BYTES);
    return start ? binaryResponseFromHead(start, member.uncompressedSize, interner) : undefined;
  } catch {
    // The full read that follows meets the same problem and reports it.
    return undefined;
  }
}

/** Reads a session's members and prepares its messages; runs ahead of the session being built. */
async function loadSession(archive: OpenedArchive, session: SazSession, interner: HeaderInterner): Promise<LoadedSession> {
  const failures: string[] = [];
  const read = async (member: ZipMember | undefined): Promise<CappedBytes | undefined> => {
    if (!member) return undefined;
    try {
      return await archive.members.read(member);
    } catch (e) {
      if (e instanceof ZipPasswordError) throw e;
      failures.push(`${member.name} could not be read (${e instanceof Error ? e.message : 'error'})`);
      return undefined;
    }
  };
  const binary = await binaryResponse(archive, session.response, interner);
  const [request, response, metadata, webSocket] = await Promise.all([
    read(session.request),
    binary ? undefined : read(session.response),
    read(session.metadata),
    read(session.webSocket),
  ]);
  const [preparedRequest, preparedResponse] = await Promise.all([
    request ? prepareRequest(request.bytes, interner) : undefined,
    binary ?? (response && response.bytes.length > 0 ? prepareResponse(response.bytes, interner) : undefined),
  ]);
  const loaded: LoadedSession = {
    requestTruncated: request?.truncated === true,
    response: preparedResponse ?? (response && response.bytes.length > 0 ? 'unreadable' : 'none'),
    responseTruncated: response?.truncated === true,
    failures,
  };
  if (preparedRequest) loaded.request = preparedRequest;
  if (metadata) loaded.metadata = metadata;
  if (webSocket) loaded.webSocket = webSocket;
  return loaded;
}

function toSessionParts(loaded: LoadedSession): { parts: SessionParts; hasTimers: boolean } {
  const parts: SessionParts = { response: loaded.response };
  if (loaded.request) parts.request = loaded.request;
  if (loaded.requestTruncated) parts.requestTruncated = true;
  if (loaded.responseTruncated) parts.responseTruncated = true;
  const metadata = loaded.metadata ? parseSessionMetadata(loaded.metadata.bytes) : undefined;
  if (metadata) parts.metadata = metadata;
  if (loaded.webSocket) parts.webSocketMessages = countWebSocketMessages(loaded.webSocket.bytes);
  return { parts, hasTimers: metadata?.startedAt !== undefined };
}

export async function* streamEntries(archive: OpenedArchive, path: string, options: OpenOptions, info: TraceInfo): AsyncGenerator<Entry> {
  const { sessions } = archive.layout;
  const warn = (w: RunWarning): void => options.onWarning?.(w);
  const queue: { promise: Promise<LoadedSession>; bytes: number }[] = [];
  const interner = new HeaderInterner();
  let queued = 0;
  let queuedBytes = 0;
  const fill = (): void => {
    while (queued < sessions.length && queue.length < LOOKAHEAD_SESSIONS && (queue.length === 0 || queuedBytes < LOOKAHEAD_BYTES)) {
      const session = sessions[queued++]!;
      const promise = loadSession(archive, session, interner);
      // Rejections are handled when the session's turn comes; don't let an abandoned one go unhandled.
      promise.catch(() => undefined);
      const bytes = compressedBytes(session);
      queue.push({ promise, bytes });
      queuedBytes += bytes;
    }
  };

  const tlsTunnelHosts = new Set<string>();
  const untimed: EntryRef[] = [];
  let untimedCount = 0;
  let memberWarnings = 0;
  let previousStart = 0;
  let lastProgress = performance.now();
  const progress = (bytesRead: number): void => options.onProgress?.({ input: options.input, bytesRead, totalBytes: archive.file.size, entries: info.entries });

  try {
    for (let i = 0; i < sessions.length; i++) {
      fill();
      const slot = queue.shift()!;
      queuedBytes -= slot.bytes;
      let loaded: LoadedSession;
      try {
        loaded = await slot.promise;
      } catch (e) {
        if (e instanceof ZipPasswordError) throw passwordError(path, e.reason);
        throw e;
      }
      const session = sessions[i]!;
      const { parts, hasTimers } = toSessionParts(loaded);
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
      const truncated = loaded.requestTruncated || loaded.responseTruncated;
      const notes = [...loaded.failures, ...problems, ...(truncated ? ['a member is larger than 512 MB; its body was cut'] : [])];
      if (notes.length > 0 && memberWarnings++ < MAX_MEMBER_WARNINGS) {
        warn({ code: 'saz-session-problem', message: `${path}: session ${session.key}: ${notes.join('; ')}`, entries: [ref] });
      }
      previousStart = entry.startedAt;
      info.entries++;
      const now = performance.now();
      if (now - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        progress(archive.file.bytesRead);
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
    await archive.file.close();
  }
}
