import type { TokenFormat } from '../model/index.js';
import { REDACTED_MARKER } from './fingerprint.js';
import { decodeJsonSegment, isBase64url, type SegmentFailure } from './segment.js';

/** A compact token taken apart. Never holds the signature or the compact string. */
export interface DecodedToken {
  format: TokenFormat;
  /** JOSE header (JWS or JWE) when it decodes to a JSON object. */
  header?: Record<string, unknown>;
  /** JWT claims (JWS only) when the payload decodes to a JSON object. */
  claims?: Record<string, unknown>;
  /** Plain-words reasons why the token is malformed or unsafe; empty when fine. */
  problems: string[];
  /** The signature was replaced by `trace-audit --sanitize` (REDACTED-<id>). */
  signatureRemoved?: boolean;
}

// Real tokens are a few KB; anything this large is not a token and not worth decoding.
const MAX_TOKEN_CHARS = 1_000_000;

const JWS_SHAPE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const JWE_SHAPE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/** Cheap shape test: a JWS or JWE compact string whose header starts like JSON. No decoding. */
export function looksLikeJwt(value: string): boolean {
  return value.length <= MAX_TOKEN_CHARS && (JWS_SHAPE.test(value) || JWE_SHAPE.test(value));
}

function segmentProblem(which: 'header' | 'payload', failure: SegmentFailure): string {
  switch (failure) {
    case 'empty':
      return `${which} part is empty`;
    case 'base64url':
      return `${which} is not valid base64url`;
    case 'json':
      return `${which} is not JSON`;
    case 'object':
      return `${which} is not a JSON object`;
  }
}

function readHeader(part: string, problems: string[]): Record<string, unknown> | undefined {
  const result = decodeJsonSegment(part);
  if (!result.ok) {
    problems.push(segmentProblem('header', result.failure));
    return undefined;
  }
  const alg = result.value.alg;
  if (typeof alg !== 'string' || alg.length === 0) problems.push('header has no alg');
  else if (alg.toLowerCase() === 'none') problems.push('alg is none');
  return result.value;
}

/** Decode a compact JWS/JWE without verifying anything. Never throws. */
export function decodeToken(compact: string): DecodedToken {
  const problems: string[] = [];
  if (typeof compact !== 'string') return { format: 'opaque', problems: ['not a string'] };
  const value = compact.trim();
  if (value.length === 0) return { format: 'opaque', problems: ['empty token'] };
  if (value.length > MAX_TOKEN_CHARS) return { format: 'opaque', problems: ['too long to be a token'] };

  const parts = value.split('.');
  if (parts.length === 5) {
    const header = readHeader(parts[0] ?? '', problems);
    if (header && typeof header.enc !== 'string') problems.push('JWE header has no enc');
    return header ? { format: 'jwe', header, problems } : { format: 'jwe', problems };
  }
  if (parts.length !== 3) {
    return { format: 'opaque', problems: [`not a JWT (${parts.length} part${parts.length === 1 ? '' : 's'})`] };
  }

  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = readHeader(headerPart, problems);
  let claims: Record<string, unknown> | undefined;
  const payload = decodeJsonSegment(payloadPart);
  if (payload.ok) claims = payload.value;
  else problems.push(segmentProblem('payload', payload.failure));

  const unsigned = typeof header?.alg === 'string' && header.alg.toLowerCase() === 'none';
  // An unsecured JWT has an empty signature by definition; "alg is none" already says it all.
  if (signaturePart.length === 0 && !unsigned) problems.push('signature part is empty');
  else if (signaturePart.length > 0 && !REDACTED_MARKER.test(signaturePart) && !isBase64url(signaturePart)) problems.push('signature is not valid base64url');

  const decoded: DecodedToken = { format: 'jws', problems };
  if (REDACTED_MARKER.test(signaturePart)) decoded.signatureRemoved = true;
  if (header) decoded.header = header;
  if (claims) decoded.claims = claims;
  return decoded;
}
