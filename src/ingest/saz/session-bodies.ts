/**
 * The BodyRef of a session's request or response, from what loading prepared:
 * decoded bytes, a body scanned while it was decoded, or a media body known from
 * its head.
 */
import { headerValue, type BodyRef } from '../../model/index.js';
import { makeBodyRef, scannedBodyRef, unreadBinaryBodyRef } from './body-ref.js';
import type { PreparedRequest, PreparedResponse } from './session-messages.js';

const TRUNCATED = 'truncated: member larger than the 512 MB limit';

/** `path`: the SAZ; `member`: the message's member name (where the body is read back from). */
export function bodyRefOf(prepared: PreparedRequest | PreparedResponse, path: string, member: string, truncated: boolean): BodyRef | undefined {
  const { body: decoded, scanned, unreadBinaryBytes } = prepared;
  if (!decoded && !scanned && unreadBinaryBytes === undefined) return undefined;
  const location = { kind: 'saz-member' as const, path, member };
  const type = headerValue(prepared.parsed.headers, 'content-type');
  const extra = truncated ? [TRUNCATED] : [];
  if (decoded) return makeBodyRef(decoded, type, location, extra);
  if (scanned) return scannedBodyRef(scanned, type, location, extra);
  return unreadBinaryBodyRef(unreadBinaryBytes!, type, location);
}
