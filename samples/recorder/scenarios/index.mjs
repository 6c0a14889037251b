// The samples, in the order README lists them.
import healthySignin from './healthy-signin.mjs';
import keyRollover from './key-rollover.mjs';
import idpClockAhead from './idp-clock-ahead.mjs';
import wrongAudience from './wrong-audience.mjs';
import expiredToken from './expired-token.mjs';
import tamperedToken from './tampered-token.mjs';
import clientCredentialErrors from './client-credential-errors.mjs';
import redirectUriMismatch from './redirect-uri-mismatch.mjs';
import mfaClaimsChallenge from './mfa-claims-challenge.mjs';
import appOnlyToDelegatedApi from './app-only-to-delegated-api.mjs';
import sanitizedExport from './sanitized-export.mjs';

export const SCENARIOS = [
  healthySignin, keyRollover, idpClockAhead, wrongAudience, expiredToken, tamperedToken,
  clientCredentialErrors, redirectUriMismatch, mfaClaimsChallenge, appOnlyToDelegatedApi, sanitizedExport,
];
