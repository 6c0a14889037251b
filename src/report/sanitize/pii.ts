/**
 * --sanitize-pii: e-mail addresses and IP addresses replaced by stable stand-ins
 * (the same input always maps to the same stand-in, so flows stay followable)
 * from reserved ranges: example.invalid mail domains, 192.0.2.0/24 and 2001:db8::/32.
 */
import { createHash } from 'node:crypto';

export interface PiiMasker {
  text(s: string): string;
}

/** Plain or URL-encoded (`%40`) addresses, as forms and query strings carry them. */
const EMAIL = /[A-Za-z0-9._+-]{1,64}(@|%40)[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/g;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
const IPV6 = /\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}\b/g;
/** Claims that hold names of people; masked like e-mails. */
const PERSON_CLAIMS = new Set(['name', 'given_name', 'family_name', 'upn', 'unique_name', 'email', 'preferred_username', 'login_hint', 'ipaddr']);

function short(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 8);
}

export function createPiiMasker(): PiiMasker {
  return {
    text(s) {
      return s
        .replace(EMAIL, (m, at: string) => `user-${short(m.replace('%40', '@').toLowerCase())}${at}example.invalid`)
        .replace(IPV4, (m) => (m.startsWith('127.') || m === '0.0.0.0' ? m : `192.0.2.${(parseInt(short(m), 16) % 254) + 1}`))
        .replace(IPV6, (m) => (m === '::1' ? m : `2001:db8::${short(m).slice(0, 4)}`));
    },
  };
}

export function maskClaims(claims: Record<string, unknown>, pii: PiiMasker): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(claims)) {
    if (typeof v === 'string') out[k] = PERSON_CLAIMS.has(k) && !v.includes('@') && k !== 'ipaddr' ? `person-${short(v)}` : pii.text(v);
    else out[k] = v;
  }
  return out;
}
