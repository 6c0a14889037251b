/**
 * Turns a decoded body into the BodyRef an Entry carries: text for
 * small bodies and those analysis parses, fragments for the others
 * (see text-policy.ts), and always a pointer back into the
 * SAZ so the body can be read again after its text is dropped.
 */
import type { BodyLocation, BodyRef } from '../../model/index.js';
import { decodeText, declaredCharset, isTextBody, type DecodedBody } from '../http/index.js';
import { scanFragments } from '../scan/index.js';
import { keepsText } from '../text-policy.js';
import { LARGE_BODY_BYTES } from '../types.js';

/** UTF-16 text has a zero byte in every ASCII character: byte scanning cannot read it, so it stays text. */
function isUtf16(bytes: Buffer, contentType: string | undefined): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return /^utf-?16/i.test(declaredCharset(bytes, contentType) ?? '');
}

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
  } else if (bytes.length > LARGE_BODY_BYTES || !(keepsText(contentType, bytes.length, () => bytes) || isUtf16(bytes, contentType))) {
    // Bodies analysis only searches (text-policy.ts) are scanned as bytes, never decoded to a string.
    ref.fragments = scanFragments(bytes);
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

/** A media body known from its head alone (see binaryResponseFromHead): what makeBodyRef gives once it is inflated. */
export function unreadBinaryBodyRef(size: number, contentType: string | undefined, location: Extract<BodyLocation, { kind: 'saz-member' }>): BodyRef {
  return { size, mimeType: contentType ?? '', binary: true, location };
}

/** A body scanned piece by piece while it was decoded (see session-messages): what makeBodyRef gives for it. */
export function scannedBodyRef(
  scanned: { size: number; decodedFrom: string[]; problems: string[]; fragments: string[] },
  contentType: string | undefined,
  location: Extract<BodyLocation, { kind: 'saz-member' }>,
  extraProblems: readonly string[] = [],
): BodyRef {
  const ref: BodyRef = { size: scanned.size, mimeType: contentType ?? '' };
  if (scanned.decodedFrom.length > 0) ref.decodedFrom = scanned.decodedFrom;
  ref.fragments = scanned.fragments;
  ref.location = location;
  const problems = [...extraProblems, ...scanned.problems];
  if (problems.length > 0) ref.problem = problems.join('; ');
  return ref;
}
