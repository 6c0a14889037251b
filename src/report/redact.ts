/**
 * Redaction: the one place that decides what a secret looks like. Every output
 * (text, JSON, Markdown, TUI, sanitized HAR, error messages) goes through here
 * unless the user passed --show-secrets.
 *
 * Tokens are replaced by their fingerprint so a reader can still follow them:
 * `[jwt 3f9c0a1b2c4d]`.
 */
import { forEachCompact, REDACTION_SHAPE, replaceCompact } from '../jwt/compact-runs.js';
import { tokenId } from '../jwt/fingerprint.js';
import { SECRET_FIELDS } from '../jwt/secret-names.js';

/**
 * JWS (3 parts) or JWE (5 parts) compact serializations starting with a JSON header.
 * Quadratic on long dot-less `eyJ…` runs: for whole texts use `redactJwts`, which finds
 * the same matches in linear time.
 */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*){2,4}/g;

export { SECRET_FIELDS };

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

/** An HTTP authentication scheme name (Bearer, Basic, Negotiate, PoP...): a short token, never a credential. */
const AUTH_SCHEME = /^(?!eyJ)[A-Za-z][A-Za-z0-9!#$%&'*+^_`|~-]{0,31}$/;

export function jwtPlaceholder(compact: string): string {
  return `[jwt ${tokenId(compact)}]`;
}

/**
 * How a secret is replaced. The display style (default) names JWTs by
 * fingerprint and blanks other secrets; the sanitize style (--sanitize) keeps
 * a JWT's header and claims and replaces only its signature, so the
 * sanitized trace can still be analyzed.
 */
export interface RedactionStyle {
  jwt(compact: string): string;
  secret(value: string): string;
}

export const DISPLAY_STYLE: RedactionStyle = {
  jwt: jwtPlaceholder,
  secret: () => REDACTED,
};

/** Replace every JWT-looking string in free text by its fingerprint placeholder. */
export function redactJwts(text: string, style: RedactionStyle = DISPLAY_STYLE): string {
  return replaceCompact(text, REDACTION_SHAPE, (m) => style.jwt(m));
}

/** What a display-style redaction leaves behind: redacting it again must not change it. */
const DISPLAY_PLACEHOLDER = /^(?:\[redacted\]|\[jwt [0-9a-f]{12}\])$/;

function redactFieldValue(value: string, style: RedactionStyle): string {
  if (DISPLAY_PLACEHOLDER.test(value)) return value;
  let first: string | undefined;
  forEachCompact(value, REDACTION_SHAPE, (m) => {
    first = m;
    return false;
  });
  if (first !== undefined && first.length >= value.length - 2) return style.jwt(first);
  return value.length === 0 ? value : style.secret(value);
}

/** Redact `key=value` pairs of secret fields in a query string or form body (keeps structure). */
export function redactUrlEncoded(text: string, style: RedactionStyle = DISPLAY_STYLE): string {
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
    return `${sep}${key}=${encodeURIComponent(redactFieldValue(decoded, style))}`;
  });
}

/** Redact a URL: secret query/fragment fields and any JWT elsewhere in it. */
export function redactUrl(url: string, style: RedactionStyle = DISPLAY_STYLE): string {
  return redactJwts(redactUrlEncoded(url, style), style);
}

/** Redact `"secret_field": "value"` members in JSON-ish text without parsing it. */
export function redactJsonFields(text: string, style: RedactionStyle = DISPLAY_STYLE): string {
  return text.replace(/"([A-Za-z_][\w-]*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g, (all, key: string, colon: string, value: string) =>
    SECRET_FIELDS.has(key.toLowerCase()) && !isErrorCode(key, value) ? `"${key}"${colon}"${redactFieldValue(value, style)}"` : all,
  );
}

/**
 * In JSON, "code" is far more often an error name (Graph's
 * {"code":"InvalidAuthenticationToken"}, our own evidence's "IDX10503") than an
 * authorization code, which is long (Entra's start "0.A" / "1.A"). Short
 * word-like values stay; anything code-like is still redacted.
 */
function isErrorCode(key: string, value: string): boolean {
  return key.toLowerCase() === 'code' && value.length < 40 && !/^\d\.A/.test(value) && /^[A-Za-z][\w-]*$/.test(value);
}

/** Redact HTML hidden inputs of secret fields (form_post responses). */
function redactHtmlInputs(text: string, style: RedactionStyle): string {
  return text.replace(
    /(<input\b[^>]*\bname=["']?([\w-]+)["']?[^>]*\bvalue=["'])([^"']*)(["'])/gi,
    (all, pre: string, name: string, value: string, post: string) =>
      SECRET_FIELDS.has(name.toLowerCase()) ? `${pre}${redactFieldValue(value, style)}${post}` : all,
  );
}

/** Redact any body or free text: JSON fields, form fields, HTML inputs, then every JWT left. */
export function redactText(text: string, style: RedactionStyle = DISPLAY_STYLE): string {
  let out = redactJsonFields(text, style);
  out = redactHtmlInputs(out, style);
  if (/^[^\s{<]*=/.test(out)) out = redactUrlEncoded(out, style);
  return redactJwts(out, style);
}

function redactCookiePairs(value: string, style: RedactionStyle): string {
  return value
    .split(';')
    .map((part) => {
      const eq = part.indexOf('=');
      // A pair without a name is all value (RFC 6265 §5.2): a secret like any other.
      if (eq < 0) return part.trim() === '' ? part : part.replace(part.trim(), style.secret(part.trim()));
      // Names are kept for the reader, but a token can sit there too (`Cookie: <jwt>=`).
      return `${redactJwts(part.slice(0, eq), style)}=${style.secret(part.slice(eq + 1).trim())}`;
    })
    .join(';');
}

function redactSetCookie(value: string, style: RedactionStyle): string {
  const semi = value.indexOf(';');
  const first = semi < 0 ? value : value.slice(0, semi);
  // Attributes (Path, Domain, Expires...) are shown, but nothing token-shaped in them.
  const rest = semi < 0 ? '' : redactJwts(value.slice(semi), style);
  const eq = first.indexOf('=');
  if (eq < 0) return first.trim() === '' ? first + rest : `${style.secret(first.trim())}${rest}`;
  return `${redactJwts(first.slice(0, eq), style)}=${style.secret(first.slice(eq + 1))}${rest}`;
}

/** Redact one header value given its name. */
export function redactHeader(name: string, value: string, style: RedactionStyle = DISPLAY_STYLE): string {
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const space = value.indexOf(' ');
    const scheme = space < 0 ? '' : value.slice(0, space);
    // Only a scheme name is shown as it is; anything else before the space may be the credential itself.
    if (!AUTH_SCHEME.test(scheme)) return style.secret(value);
    const cred = value.slice(space + 1).trim();
    if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(cred) || cred.startsWith('eyJ')) {
      return `${scheme} ${style.jwt(cred)}`;
    }
    return `${scheme} ${style.secret(cred)}`;
  }
  if (lower === 'cookie') return redactCookiePairs(value, style);
  if (lower === 'set-cookie') return redactSetCookie(value, style);
  if (SECRET_HEADERS.has(lower)) return style.secret(value);
  if (lower === 'location' || lower === 'referer' || lower === 'content-location' || lower === ':path') return redactUrl(value, style);
  return redactJwts(value, style);
}
