import { REDACTION_SHAPE, replaceCompact } from './compact-runs.js';
import { looksLikeJwt } from './decode.js';
import { tokenId } from './fingerprint.js';
import { SECRET_FIELDS } from './secret-names.js';

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
      out[name] = SECRET_FIELDS.has(name.toLowerCase()) && typeof member === 'string' && member.length > 0 ? '[redacted]' : maskSecrets(member, depth + 1);
    }
    return out;
  }
  return value;
}
