/**
 * The rule registry. Order matters: specific rules run before general ones,
 * so that `signing-key-not-found` can defer to `signing-key-rotated` and
 * `idx-error` / `aad-error` can see which codes a specific rule already
 * explained (RuleContext.previous). One file per rule; docs in docs/rules/<id>.md.
 */
import { rule as signingKeyRotated } from './signing-key-rotated.js';
import { rule as signatureInvalid } from './signature-invalid.js';
import { rule as signingKeyNotFound } from './signing-key-not-found.js';
import { rule as unverifiableToken } from './unverifiable-token.js';
import { rule as insecureAlg } from './insecure-alg.js';
import { rule as malformedToken } from './malformed-token.js';
import { rule as tokenExpired } from './token-expired.js';
import { rule as tokenNotYetValid } from './token-not-yet-valid.js';
import { rule as clockSkew } from './clock-skew.js';
import { rule as audienceMismatch } from './audience-mismatch.js';
import { rule as issuerMismatch } from './issuer-mismatch.js';
import { rule as cloudMismatch } from './cloud-mismatch.js';
import { rule as missingScopeOrRole } from './missing-scope-or-role.js';
import { rule as claimsChallenge } from './claims-challenge.js';
import { rule as tokenInUrl } from './token-in-url.js';
import { rule as sanitizedTrace } from './sanitized-trace.js';
import { rule as tokenRequestLoop } from './token-request-loop.js';
import { rule as oidcProtocol } from './oidc-protocol.js';
import { rule as metadataFetchFailed } from './metadata-fetch-failed.js';
import { rule as aadError } from './aad-error.js';
import { rule as idxError } from './idx-error.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  signingKeyRotated,
  signatureInvalid,
  signingKeyNotFound,
  unverifiableToken,
  insecureAlg,
  malformedToken,
  tokenExpired,
  tokenNotYetValid,
  clockSkew,
  audienceMismatch,
  issuerMismatch,
  cloudMismatch,
  missingScopeOrRole,
  claimsChallenge,
  tokenInUrl,
  sanitizedTrace,
  tokenRequestLoop,
  oidcProtocol,
  metadataFetchFailed,
  aadError,
  idxError,
];

export * from './types.js';
