/**
 * JWT knowledge: decoding (never throws), fingerprints, signature checks against
 * captured key sets, Entra issuer/cloud/audience/claim facts, human times, and the
 * text of the `decode` command. The only public door of src/jwt.
 */
export { tokenId, sanitizedId, redactedMarker, REDACTED_MARKER } from './fingerprint.js';
export { decodeToken, looksLikeJwt, type DecodedToken } from './decode.js';
export { forEachCompact, replaceCompact, REDACTION_SHAPE, type CompactShape } from './compact-runs.js';
export type { JsonWebKey } from './jwk.js';
export { verifySignature, type SignatureCheck, type VerifyOptions } from './verify.js';
export { candidateKeys, kidOf, type KeyCandidates } from './key-match.js';
export { pemFromX5c } from './key-import.js';
export { issuerKind, tenantOfIssuer, isMicrosoftAuthority, type IssuerKind } from './issuer.js';
export { cloudOf, hostNameOf, type CloudName } from './cloud.js';
export { audienceList, sameAudience, normalizeAudience, isGraphAudience, isGuid, GRAPH_APP_ID } from './audience.js';
export { scopesOf, rolesOf, isAppOnly, tokenVersion, clientIdOf, isMicrosoftIssued, epochClaim } from './claims.js';
export { formatDuration, relativeTo, isoFromEpochSeconds, type RelativeOptions } from './times.js';
export { tokenFacts, timeClaims, TIME_CLAIMS, type TokenFacts, type TimeClaim } from './facts.js';
export { tokenWarnings, type TokenWarning, type LintOptions } from './lint.js';
export { maskSecrets } from './mask.js';
export { textStyle, severityStyle, type TextStyle } from './text-style.js';
export { decodedAsJson, NOT_CHECKED, type DecodedTokenJson, type DecodeCommandOptions } from './decoded-json.js';
export { formatDecoded, type FormatDecodedOptions } from './format-decoded.js';
export { visibleLength, wrap } from './text-layout.js';
