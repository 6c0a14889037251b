/**
 * Redaction: the one place that decides what a secret looks like. Every output
 * (text, JSON, Markdown, TUI, sanitized HAR, error messages) goes through here
 * unless the user passed --show-secrets.
 *
 * Tokens are replaced by their fingerprint so a reader can still follow them:
 * `[jwt 3f9c0a1b2c4d]`.
 */
import { tokenId } from '../jwt/fingerprint.js';

/** JWS (3 parts) or JWE (5 parts) compact serializations starting with a JSON header. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*){2,4}/g;

/** Form, query and JSON field names whose values are secrets. Lower case. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'code',
  'access_token',
  'id_token',
  'refresh_token',
  'client_secret',
  'client_assertion',
  'assertion',
  'password',
  'passwd',
  'pwd',
  'token',
  'id_token_hint',
  'code_verifier',
  'samlresponse',
  'samlrequest',
  'wresult',
  'device_code',
  'user_code',
  'flowtoken',
  'ctx',
  'secret',
  'apikey',
  'api_key',
  'subscription-key',
]);

/** Header names whose whole value is a secret (besides authorization/cookie handled specially). */
const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'ocp-apim-subscription-key',
  'x-functions-key',
  'x-ms-token-aad-access-token',
  'x-ms-token-aad-id-token',
  'x-ms-token-aad-refresh-token',
  'x-ms-client-principal',
  'x-csrf-token',
  'x-xsrf-token',
]);

export const REDACTED = '[redacted]';

export function jwtPlaceholder(compact: string): string {
  return `[jwt ${tokenId(compact)}]`;
}

/** Replace every JWT-looking string in free text by its fingerprint placeholder. */
export function redactJwts(text: string): string {
  return text.replace(JWT_PATTERN, (m) => jwtPlaceholder(m));
}

function redactFieldValue(value: string): string {
  JWT_PATTERN.lastIndex = 0;
  const m = JWT_PATTERN.exec(value);
  JWT_PATTERN.lastIndex = 0;
  if (m && m[0].length >= value.length - 2) return jwtPlaceholder(m[0]);
  return value.length === 0 ? value : REDACTED;
}

/** Redact `key=value` pairs of secret fields in a query string or form body (keeps structure). */
export function redactUrlEncoded(text: string): string {
  return text.replace(/(^|[?&#;])([^=&#;?]+)=([^&#;]*)/g, (all, sep: string, key: string, value: string) => {
    let name = key;
    try {
      name = decodeURIComponent(key.replace(/\+/g, ' '));
    } catch {
      /* keep raw key */
    }
    if (!SECRET_FIELDS.has(name.toLowerCase())) return all;
    let decoded = value;
    try {
      decoded = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      /* keep raw value */
    }
    return `${sep}${key}=${encodeURIComponent(redactFieldValue(decoded))}`;
  });
}

/** Redact a URL: secret query/fragment fields and any JWT elsewhere in it. */
export function redactUrl(url: string): string {
  return redactJwts(redactUrlEncoded(url));
}

/** Redact `"secret_field": "value"` members in JSON-ish text without parsing it. */
export function redactJsonFields(text: string): string {
  return text.replace(/"([A-Za-z_][\w-]*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g, (all, key: string, colon: string, value: string) =>
    SECRET_FIELDS.has(key.toLowerCase()) ? `"${key}"${colon}"${redactFieldValue(value)}"` : all,
  );
}

/** Redact HTML hidden inputs of secret fields (form_post responses). */
function redactHtmlInputs(text: string): string {
  return text.replace(
    /(<input\b[^>]*\bname=["']?([\w-]+)["']?[^>]*\bvalue=["'])([^"']*)(["'])/gi,
    (all, pre: string, name: string, value: string, post: string) =>
      SECRET_FIELDS.has(name.toLowerCase()) ? `${pre}${redactFieldValue(value)}${post}` : all,
  );
}

/** Redact any body or free text: JSON fields, form fields, HTML inputs, then every JWT left. */
export function redactText(text: string): string {
  let out = redactJsonFields(text);
  out = redactHtmlInputs(out);
  if (/^[^\s{<]*=/.test(out)) out = redactUrlEncoded(out);
  return redactJwts(out);
}

function redactCookiePairs(value: string): string {
  return value
    .split(';')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return part;
      return `${part.slice(0, eq)}=${REDACTED}`;
    })
    .join(';');
}

function redactSetCookie(value: string): string {
  const semi = value.indexOf(';');
  const first = semi < 0 ? value : value.slice(0, semi);
  const rest = semi < 0 ? '' : value.slice(semi);
  const eq = first.indexOf('=');
  if (eq < 0) return value;
  return `${first.slice(0, eq)}=${REDACTED}${rest}`;
}

/** Redact one header value given its name. */
export function redactHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const space = value.indexOf(' ');
    if (space < 0) return REDACTED;
    const scheme = value.slice(0, space);
    const cred = value.slice(space + 1).trim();
    JWT_PATTERN.lastIndex = 0;
    if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(cred) || cred.startsWith('eyJ')) {
      return `${scheme} ${jwtPlaceholder(cred)}`;
    }
    return `${scheme} ${REDACTED}`;
  }
  if (lower === 'cookie') return redactCookiePairs(value);
  if (lower === 'set-cookie') return redactSetCookie(value);
  if (SECRET_HEADERS.has(lower)) return REDACTED;
  if (lower === 'location' || lower === 'referer' || lower === 'content-location' || lower === ':path') return redactUrl(value);
  return redactJwts(value);
}
