/**
 * Reading a session's members and preparing its messages, and the in-thread loader
 * that runs a few sessions ahead of the one being built (large members inflate on
 * the thread pool meanwhile); memory stays bounded by that window.
 */
import type { HeaderInterner } from '../intern.js';
import { parseSessionMetadata } from './metadata.js';
import type { SessionParts } from './session-entry.js';
import { binaryResponseFromHead, prepareRequest, prepareResponse, type PreparedRequest, type PreparedResponse } from './session-messages.js';
import type { SazSession } from './sessions.js';
import { countWebSocketMessages } from './websocket-log.js';
import type { ZipMember } from './zip/central-directory.js';
import type { MemberReader } from './zip/member-reader.js';
import { ZipPasswordError, type CappedBytes } from './zip/zipjs-members.js';

/** A session ready to become an Entry. */
export interface LoadedParts {
  parts: SessionParts;
  hasTimers: boolean;
  /** Members that could not be read. */
  failures: string[];
  /** A member was cut at the size cap. */
  truncated: boolean;
}

/** Hands out the sessions of one SAZ in order. */
export interface SessionLoader {
  next(): Promise<LoadedParts>;
}

/**
 * The read-ahead window: refilled up to LOOKAHEAD_SESSIONS when it falls to
 * REFILL_AT sessions, so that the members of many sessions are asked for in one
 * turn (the inflating thread takes them as one message), never past LOOKAHEAD_BYTES.
 */
const LOOKAHEAD_SESSIONS = 64;
const REFILL_AT = 32;
const LOOKAHEAD_BYTES = 32 << 20;

/** Responses this large are first read up to their head, in case their body need not be inflated at all. */
const PEEK_MEMBER_BYTES = 32 << 10;
const PEEK_COMPRESSED_BYTES = 4 << 10;
const PEEK_MAX_BYTES = 16 << 10;

interface LoadedSession {
  request?: PreparedRequest;
  requestTruncated: boolean;
  response: PreparedResponse | 'none' | 'unreadable';
  responseTruncated: boolean;
  metadata?: CappedBytes;
  webSocket?: CappedBytes;
  failures: string[];
}

/** A large response with a media body, prepared from its head alone (undefined: read it whole). */
async function binaryResponse(members: MemberReader, member: ZipMember | undefined, interner?: HeaderInterner): Promise<PreparedResponse | undefined> {
  if (!member || member.uncompressedSize < PEEK_MEMBER_BYTES || members.inflatesOffThread(member)) return undefined;
  try {
    const start = await members.readStart(member, PEEK_COMPRESSED_BYTES, PEEK_MAX_BYTES);
    return start ? binaryResponseFromHead(start, member.uncompressedSize, interner) : undefined;
  } catch {
    // The full read that follows meets the same problem and reports it.
    return undefined;
  }
}

async function loadSession(members: MemberReader, session: SazSession, interner?: HeaderInterner): Promise<LoadedSession> {
  const failures: string[] = [];
  const read = async (member: ZipMember | undefined): Promise<CappedBytes | undefined> => {
    if (!member) return undefined;
    try {
      return await members.read(member);
    } catch (e) {
      if (e instanceof ZipPasswordError) throw e;
      failures.push(`${member.name} could not be read (${e instanceof Error ? e.message : 'error'})`);
      return undefined;
    }
  };
  const binary = await binaryResponse(members, session.response, interner);
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

function toLoadedParts(loaded: LoadedSession): LoadedParts {
  const parts: SessionParts = { response: loaded.response };
  if (loaded.request) parts.request = loaded.request;
  if (loaded.requestTruncated) parts.requestTruncated = true;
  if (loaded.responseTruncated) parts.responseTruncated = true;
  const metadata = loaded.metadata ? parseSessionMetadata(loaded.metadata.bytes) : undefined;
  if (metadata) parts.metadata = metadata;
  if (loaded.webSocket) parts.webSocketMessages = countWebSocketMessages(loaded.webSocket.bytes);
  return { parts, hasTimers: metadata?.startedAt !== undefined, failures: loaded.failures, truncated: loaded.requestTruncated || loaded.responseTruncated };
}

/** One session read and prepared, start to end (what the loading thread does per session). */
export async function loadParts(members: MemberReader, session: SazSession, interner?: HeaderInterner): Promise<LoadedParts> {
  return toLoadedParts(await loadSession(members, session, interner));
}

function compressedBytes(s: SazSession): number {
  return [s.request, s.response, s.metadata, s.webSocket].reduce((n, m) => n + (m?.compressedSize ?? 0), 0);
}

/** Loads sessions `from` onwards in this thread, a few ahead of the one asked for. */
export function inThreadLoader(members: MemberReader, sessions: readonly SazSession[], from: number, interner: HeaderInterner): SessionLoader {
  const queue: { promise: Promise<LoadedSession>; bytes: number }[] = [];
  let queued = from;
  let queuedBytes = 0;
  const fill = (): void => {
    if (queue.length > REFILL_AT) return;
    while (queued < sessions.length && queue.length < LOOKAHEAD_SESSIONS && (queue.length === 0 || queuedBytes < LOOKAHEAD_BYTES)) {
      const session = sessions[queued++]!;
      const promise = loadSession(members, session, interner);
      // Rejections are handled when the session's turn comes; don't let an abandoned one go unhandled.
      promise.catch(() => undefined);
      const bytes = compressedBytes(session);
      queue.push({ promise, bytes });
      queuedBytes += bytes;
    }
  };
  return {
    async next() {
      fill();
      const slot = queue.shift();
      if (!slot) throw new Error('SAZ loader: no session left');
      queuedBytes -= slot.bytes;
      return toLoadedParts(await slot.promise);
    },
  };
}
