/**
 * The --sanitize redaction style: secrets become `REDACTED-<id>` markers that
 * keep the original token id; a JWT keeps its header and claims and loses
 * only its signature, so the sanitized trace can still be analyzed.
 */
import { redactedMarker, tokenId } from '../../jwt/index.js';
import type { RedactionStyle } from '../redact.js';
import { maskClaims, type PiiMasker } from './pii.js';

function rewritePayload(payload: string, pii: PiiMasker): string {
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (!claims || typeof claims !== 'object' || Array.isArray(claims)) return payload;
    return Buffer.from(JSON.stringify(maskClaims(claims as Record<string, unknown>, pii))).toString('base64url');
  } catch {
    return payload;
  }
}

export function sanitizeStyle(pii?: PiiMasker): RedactionStyle {
  return {
    jwt(compact) {
      const id = tokenId(compact);
      const parts = compact.split('.');
      if (parts.length === 5) return `${parts[0]}....${redactedMarker(id)}`;
      const payload = pii ? rewritePayload(parts[1] ?? '', pii) : (parts[1] ?? '');
      return `${parts[0]}.${payload}.${redactedMarker(id)}`;
    },
    secret(value) {
      return value ? redactedMarker(tokenId(value)) : value;
    },
  };
}
