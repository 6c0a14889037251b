/** Whether a body is text worth decoding and scanning, or binary content. */
import { startsWithBinaryMagic } from '../scan/index.js';

const TEXT_TYPES = /^(text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|javascript|ecmascript|x-www-form-urlencoded|x-javascript|graphql|jwt|jose|x-ndjson|ld\+json|problem\+json|soap\+xml|xhtml\+xml)\b|image\/svg\+xml|multipart\/)/i;
const TEXT_SUFFIX = /\+(json|xml)\b/i;
const BINARY_TYPES = /^(image\/|audio\/|video\/|font\/|application\/(?:octet-stream|pdf|zip|gzip|x-gzip|x-protobuf|protobuf|grpc|wasm|x-shockwave-flash|vnd\.ms-|vnd\.openxmlformats|x-msdownload|x-tar|x-7z|msword|x-font|font-))/i;

/** The media type without parameters, lower-cased ('' when absent). */
export function essence(contentType: string | undefined): string {
  if (!contentType) return '';
  const semi = contentType.indexOf(';');
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/** true = text, false = binary, undefined = the type does not say. */
export function isTextType(contentType: string | undefined): boolean | undefined {
  const type = essence(contentType);
  if (type === '') return undefined;
  if (TEXT_TYPES.test(type) || TEXT_SUFFIX.test(type)) return true;
  if (BINARY_TYPES.test(type)) return false;
  return undefined;
}

/**
 * Content sniffing for bodies whose type says nothing: a media signature, a NUL or many
 * control bytes mean binary. (A PNG's 1024 first bytes hold no NUL about one time in
 * fifty, and then its control bytes hover around the limit: the signature decides.)
 */
export function looksBinary(bytes: Buffer): boolean {
  if (startsWithBinaryMagic(bytes)) return true;
  const n = Math.min(bytes.length, 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control * 10 > n;
}
