import type { BodyRef, Entry } from '../model/index.js';

/** Body text kept in memory after extraction, in total, for bodies that cannot be read back later. */
const RETAIN_BUDGET_BYTES = 64 << 20;
/** Bodies at most this long keep their text (cheap, and the UI shows them at once). */
const SMALL_BODY_CHARS = 4096;

/**
 * After extract has looked at an entry, drop what later stages do not need:
 * large body texts that the body store can read back from the file. Text
 * that cannot be read back is kept while a global budget lasts, so a huge
 * trace cannot exhaust memory.
 */
export function retainBodies(): (entry: Entry) => Entry {
  let retained = 0;
  const trim = (body: BodyRef | undefined): BodyRef | undefined => {
    if (!body || body.text === undefined) return body;
    const len = body.text.length;
    if (len <= SMALL_BODY_CHARS) return body;
    if (body.location) {
      const { text: _dropped, ...rest } = body;
      return rest;
    }
    if (retained + len <= RETAIN_BUDGET_BYTES) {
      retained += len;
      return body;
    }
    const { text: _dropped, ...rest } = body;
    return { ...rest, problem: rest.problem ?? 'not kept in memory (large trace)' };
  };
  return (entry) => {
    const reqBody = trim(entry.request.body);
    const resBody = trim(entry.response.body);
    if (reqBody === entry.request.body && resBody === entry.response.body) return entry;
    return {
      ...entry,
      request: reqBody ? { ...entry.request, body: reqBody } : { ...entry.request },
      response: resBody ? { ...entry.response, body: resBody } : { ...entry.response },
    };
  };
}
