import { REDACTION_SHAPE, replaceCompact } from './compact-runs.js';
import { looksLikeJwt } from './decode.js';
import { tokenId } from './fingerprint.js';

// Claim names that, in custom or nested tokens, can carry credentials of their own.
const SECRET_CLAIMS: ReadonlySet<string> = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'client_secret',
  'client_assertion',
  'assertion',
  'password',
  'code',
  'code_verifier',
]);

function maskString(value: string): string {
  if (looksLikeJwt(value)) return `[jwt ${tokenId(value)}]`;
  return replaceCompact(value, REDACTION_SHAPE, (match) => `[jwt ${tokenId(match)}]`);
}

/**
 * Copy of a header or claims object with nested tokens replaced by their fingerprint
 * and credential-named members hidden, so printing claims never prints a secret.
 */
export function maskSecrets(value: unknown, depth = 0): unknown {
  if (depth > 32) return '[nested too deep]';
  if (typeof value === 'string') return maskString(value);
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(value)) {
      out[name] = SECRET_CLAIMS.has(name.toLowerCase()) && typeof member === 'string' && member.length > 0 ? '[redacted]' : maskSecrets(member, depth + 1);
    }
    return out;
  }
  return value;
}
