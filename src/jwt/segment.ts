/** Why one dot-separated part of a compact token could not be read as a JSON object. */
export type SegmentFailure = 'empty' | 'base64url' | 'json' | 'object';

export type SegmentResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; failure: SegmentFailure };

// Buffer's base64url decoder skips characters outside the alphabet; the strict
// check first keeps "not base64url" distinct from "not JSON".
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function isBase64url(part: string): boolean {
  return BASE64URL.test(part) && part.replace(/=+$/, '').length % 4 !== 1;
}

/** Decode a base64url JSON object segment (JOSE header or JWT claims) without throwing. */
export function decodeJsonSegment(part: string): SegmentResult {
  if (part.length === 0) return { ok: false, failure: 'empty' };
  if (!isBase64url(part)) return { ok: false, failure: 'base64url' };
  let text: string;
  try {
    text = utf8.decode(Buffer.from(part.replace(/=+$/, ''), 'base64url'));
  } catch {
    return { ok: false, failure: 'base64url' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, failure: 'json' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, failure: 'object' };
  return { ok: true, value: value as Record<string, unknown> };
}
