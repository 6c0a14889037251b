/**
 * Is a bearer value a token at all? Real traces carry many non-JWT bearers
 * that are fine (Entra refresh/opaque tokens "0.A…", MSA "EwB…", Google
 * "ya29.…", PATs, test values like "123456"), so this recognises only shapes
 * that cannot be a token: JavaScript values, a repeated scheme, JSON, quotes,
 * spaces, unexpanded templates, and JWTs that are cut or broken.
 */
import type { SessionToken } from '../../extract/index.js';

export type MalformedShape =
  | 'js-value'
  | 'scheme-repeated'
  | 'json'
  | 'quoted'
  | 'template'
  | 'whitespace'
  | 'url-encoded-jwt'
  | 'truncated-jwt'
  | 'broken-jwt'
  /** Plausible opaque token, but the API said it could not read it as a JWT. */
  | 'opaque-not-jwt';

export interface Malformed {
  shape: MalformedShape;
  /** Plain words, never the value itself. */
  reason: string;
  /** The literal, only when it is a harmless JavaScript value ("undefined", "null"). */
  literal?: string;
}

/** What exporters and people put where a secret was. */
export const PLACEHOLDER = /^(\[?redacted\]?|<redacted>|x{3,}|\*{3,}|removed|hidden|sanitized|\.\.\.|…)$/i;

const JS_VALUE = /^(undefined|null|nan|true|false|\[object \w+\]|\{\}|\[\]|""|'')$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** Why a bearer value cannot be a token, or undefined when it may well be one. */
export function malformedBearer(t: SessionToken): Malformed | undefined {
  const value = t.compact;
  if (isPlaceholder(value)) return undefined;
  if (JS_VALUE.test(value)) return { shape: 'js-value', reason: `the JavaScript value "${value}" was sent instead of a token`, literal: value };
  if (/^(bearer|pop)(\s|$)/i.test(value)) return { shape: 'scheme-repeated', reason: 'the scheme is repeated ("Bearer Bearer …")' };
  if (/^[{[]/.test(value)) {
    const what = /"(access_token|token_type)"/.test(value) ? 'the whole token response JSON' : 'a JSON document';
    return { shape: 'json', reason: `${what} was sent instead of the token` };
  }
  if (/^["']|["']$/.test(value)) return { shape: 'quoted', reason: 'the token is wrapped in quotes' };
  if (/\$\{|\{\{|%7B%7B|<%=/i.test(value)) return { shape: 'template', reason: 'an unexpanded template placeholder was sent instead of a token' };
  if (/\s/.test(value)) return { shape: 'whitespace', reason: 'the value contains spaces or line breaks' };
  if (/^eyJ/.test(value) && /%[0-9A-F]{2}/i.test(value)) return { shape: 'url-encoded-jwt', reason: 'the JWT is URL-encoded' };
  if (/^eyJ/.test(value) && t.format === 'opaque') {
    const parts = value.split('.').length;
    return { shape: 'truncated-jwt', reason: `starts like a JWT but has ${parts} part${parts === 1 ? '' : 's'} (3 or 5 expected): cut off or concatenated` };
  }
  return brokenJwt(t);
}

/** A JWS/JWE whose parts do not decode (bad base64url, not JSON, no alg). `alg none` is insecure-alg's business. */
export function brokenJwt(t: SessionToken): Malformed | undefined {
  if (t.format === 'opaque') return undefined;
  const problems = t.problems.filter((p) => p !== 'alg is none');
  if (problems.length === 0) return undefined;
  return { shape: 'broken-jwt', reason: `the ${t.format === 'jwe' ? 'JWE' : 'JWT'} does not decode: ${problems.join('; ')}` };
}
