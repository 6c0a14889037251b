import type { OAuthError } from '../session.js';
import { str } from '../util/body.js';
import { findAadsts } from './codes.js';

function decodeClaims(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const t = raw.trim();
  if (t.startsWith('{')) return t;
  try {
    const b = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (b.trim().startsWith('{')) return b;
  } catch {
    /* not base64 */
  }
  return t;
}

/** Build an OAuthError from `error*` fields, wherever they came from (JSON, query, form). */
export function oauthErrorFrom(get: (name: string) => unknown): OAuthError | undefined {
  const error = str(get('error'));
  const description = str(get('error_description'));
  const rawCodes = get('error_codes');
  if (!error && !description && rawCodes === undefined) return undefined;
  const codes = new Set<string>();
  if (Array.isArray(rawCodes)) for (const c of rawCodes) if (/^\d{4,7}$/.test(String(c))) codes.add(`AADSTS${c}`);
  if (description) for (const h of findAadsts(description)) codes.add(h.code);
  const out: OAuthError = { codes: [...codes] };
  if (error) out.error = error;
  if (description) out.description = description.slice(0, 2000);
  const suberror = str(get('suberror'));
  if (suberror) out.suberror = suberror;
  const claims = decodeClaims(str(get('claims')));
  if (claims) out.claims = claims;
  const traceId = str(get('trace_id'));
  if (traceId) out.traceId = traceId;
  const correlationId = str(get('correlation_id'));
  if (correlationId) out.correlationId = correlationId;
  const timestamp = str(get('timestamp'));
  if (timestamp) out.timestamp = timestamp;
  const errorUri = str(get('error_uri'));
  if (errorUri) out.errorUri = errorUri;
  return out;
}

export function oauthErrorFromJson(json: Record<string, unknown>): OAuthError | undefined {
  return oauthErrorFrom((k) => json[k]);
}

export function oauthErrorFromParams(params: Map<string, string>): OAuthError | undefined {
  if (!params.has('error') && !params.has('error_description')) return undefined;
  return oauthErrorFrom((k) => params.get(k));
}

export { decodeClaims };
