/**
 * Turns a decoded body into the BodyRef an Entry carries: text for small
 * text bodies, fragments for large ones, and always a pointer back into the
 * SAZ so the body can be read again after its text is dropped.
 */
import type { BodyLocation, BodyRef } from '../../model/index.js';
import { decodeText, declaredCharset, isTextBody, type DecodedBody } from '../http/index.js';
import { createFragmentScanner } from '../scan/index.js';
import { LARGE_BODY_BYTES } from '../types.js';

export function makeBodyRef(
  decoded: DecodedBody,
  contentType: string | undefined,
  location: Extract<BodyLocation, { kind: 'saz-member' }>,
  extraProblems: readonly string[] = [],
): BodyRef {
  const { bytes } = decoded;
  const ref: BodyRef = { size: bytes.length, mimeType: contentType ?? '' };
  if (decoded.decodedFrom.length > 0) ref.decodedFrom = decoded.decodedFrom;
  const problems = [...extraProblems, ...decoded.problems];

  if (!isTextBody(bytes, contentType)) {
    ref.binary = true;
    ref.location = location;
  } else if (bytes.length > LARGE_BODY_BYTES) {
    const scanner = createFragmentScanner();
    scanner.push(bytes);
    ref.fragments = scanner.end();
    ref.location = location;
  } else {
    const text = decodeText(bytes, declaredCharset(bytes, contentType));
    ref.text = text.text;
    // The pointer costs nothing and lets later stages drop the text and read it back on demand.
    ref.location = location;
    if (text.problem) problems.push(text.problem);
  }
  if (problems.length > 0) ref.problem = problems.join('; ');
  return ref;
}
