import type { SignatureStatus } from '../model/index.js';
import { decodeToken } from './decode.js';
import { timeClaims, tokenFacts, type TimeClaim, type TokenFacts } from './facts.js';
import { tokenId } from './fingerprint.js';
import { tokenWarnings, type TokenWarning } from './lint.js';
import { maskSecrets } from './mask.js';
import type { SignatureCheck } from './verify.js';

export interface DecodeCommandOptions {
  /** Print the compact token (and so its signature). Never the default. */
  showSecrets: boolean;
  /** Epoch ms the times are judged against; the decode command has no trace, so this is "now". */
  now: number;
  /** A signature check done by the caller (e.g. against a JWKS file); otherwise "not-checked". */
  signature?: SignatureCheck;
}

/** What `trace-audit decode --json` prints. Holds no secret unless showSecrets. */
export interface DecodedTokenJson {
  id: string;
  format: 'jws' | 'jwe' | 'opaque';
  header?: unknown;
  claims?: unknown;
  problems: string[];
  facts: TokenFacts;
  /** The moment times are relative to (ISO 8601 UTC), labelled "now". */
  now: string;
  times: TimeClaim[];
  warnings: TokenWarning[];
  signature: { status: SignatureStatus; detail: string; matchedKid?: string };
  /** Only with showSecrets. */
  token?: string;
}

export const NOT_CHECKED: SignatureCheck = {
  status: 'not-checked',
  detail: 'no keys given (decode is offline)',
};

/** Structured form of the decode command's output. Never throws. */
export function decodedAsJson(compact: string, options: DecodeCommandOptions): DecodedTokenJson {
  const value = typeof compact === 'string' ? compact.trim() : '';
  const decoded = decodeToken(value);
  const result: DecodedTokenJson = {
    id: tokenId(value),
    format: decoded.format,
    problems: decoded.problems,
    facts: tokenFacts(decoded),
    now: new Date(options.now).toISOString(),
    times: timeClaims(decoded.claims, options.now, { reference: 'now' }),
    warnings: tokenWarnings(decoded, options.now, { reference: 'now' }),
    signature: { ...(options.signature ?? NOT_CHECKED) },
  };
  if (decoded.header) result.header = options.showSecrets ? decoded.header : maskSecrets(decoded.header);
  if (decoded.claims) result.claims = options.showSecrets ? decoded.claims : maskSecrets(decoded.claims);
  if (options.showSecrets) result.token = value;
  return result;
}
