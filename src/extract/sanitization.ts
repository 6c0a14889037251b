import type { Entry } from '../model/index.js';
import { headerValue } from '../model/index.js';
import { firstHeader } from './util/headers.js';
import type { SanitizationFacts } from './session.js';

/** Authorization values that are placeholders left by an exporter or a hand edit. */
const PLACEHOLDER = /^(bearer\s+)?(\[?redacted\]?|<redacted>|x{3,}|\*{3,}|removed|hidden|sanitized|\.\.\.)$/i;

export function emptySanitizationFacts(): SanitizationFacts {
  return {
    requests: 0,
    withAuthorization: 0,
    withCookie: 0,
    withSetCookie: 0,
    placeholderAuthorization: [],
    unauthenticatedApiCalls: [],
    signInTraffic: 0,
    producerSaysSanitized: false,
  };
}

/** Count what a sanitized export leaves out; cheap per entry. */
export function observeSanitization(
  facts: SanitizationFacts,
  entry: Entry,
  isSignIn: boolean,
  /** What a pass over the request headers already found (requestCandidates). */
  seen?: { authorization: string | undefined; cookie: boolean },
): void {
  facts.requests++;
  const auth = seen ? seen.authorization : headerValue(entry.request.headers, 'authorization');
  if (auth !== undefined) {
    facts.withAuthorization++;
    if (PLACEHOLDER.test(auth.trim()) && facts.placeholderAuthorization.length < 200) {
      facts.placeholderAuthorization.push({ input: entry.input, index: entry.index });
    }
  }
  if (seen ? seen.cookie : headerValue(entry.request.headers, 'cookie') !== undefined) facts.withCookie++;
  if (firstHeader(entry.response.headers, 'set-cookie') !== undefined) facts.withSetCookie++;
  if (isSignIn) facts.signInTraffic++;
  else if (auth === undefined && entry.response.status === 401 && facts.unauthenticatedApiCalls.length < 200) {
    facts.unauthenticatedApiCalls.push({ input: entry.input, index: entry.index });
  }
}
