/**
 * Groups SAZ members into sessions: raw/{N}_c.txt (request), _s.txt
 * (response), _m.xml (metadata), _w.txt (WebSocket messages). N is
 * zero-padded to a width that depends on the session count, numbering can
 * have gaps, so sessions are ordered by the number's value. Fiddler builds
 * names with a backslash (`raw\01_c.txt`); both separators are accepted.
 */
import type { ZipMember } from './zip/central-directory.js';

export interface SazSession {
  /** The session number as written in the member names ("01", "220"). */
  key: string;
  number: number;
  request: ZipMember;
  response?: ZipMember;
  metadata?: ZipMember;
  webSocket?: ZipMember;
}

export interface SessionLayout {
  sessions: SazSession[];
  /** Member names that try to leave the archive (`../`, absolute); ignored, reported once. */
  unsafeNames: string[];
  /** Responses or metadata without a request file; ignored like Fiddler does. */
  orphans: number;
}

const MEMBER = /^raw[\\/](\d{1,9})_([cswmg])\.(txt|xml)$/i;
const UNSAFE = /(^|[\\/])\.\.([\\/]|$)|^[\\/]|^[a-zA-Z]:/;

interface Parts {
  c?: ZipMember;
  s?: ZipMember;
  m?: ZipMember;
  w?: ZipMember;
}

export function groupSessions(members: readonly ZipMember[]): SessionLayout {
  const byKey = new Map<string, Parts>();
  const unsafeNames: string[] = [];
  for (const member of members) {
    const m = MEMBER.exec(member.name);
    if (!m) {
      if (UNSAFE.test(member.name)) unsafeNames.push(member.name);
      continue;
    }
    const kind = m[2]!.toLowerCase() as 'c' | 's' | 'w' | 'm' | 'g';
    // gRPC message logs (Fiddler Everywhere `_g.txt`) carry nothing the analysis reads.
    if (kind === 'g') continue;
    const expected = kind === 'm' ? 'xml' : 'txt';
    if (m[3]!.toLowerCase() !== expected) continue;
    const key = m[1]!;
    let parts = byKey.get(key);
    if (!parts) byKey.set(key, (parts = {}));
    parts[kind] = member;
  }

  const sessions: SazSession[] = [];
  let orphans = 0;
  for (const [key, parts] of byKey) {
    if (!parts.c) {
      orphans++;
      continue;
    }
    const session: SazSession = { key, number: Number(key), request: parts.c };
    if (parts.s) session.response = parts.s;
    if (parts.m) session.metadata = parts.m;
    if (parts.w) session.webSocket = parts.w;
    sessions.push(session);
  }
  sessions.sort((a, b) => a.number - b.number || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { sessions, unsafeNames, orphans };
}
