/** Extract: entries in, Session out. The only door into this folder. */
export * from './session.js';
export { createExtractor, type Extractor, type ExtractorOptions } from './extractor.js';
export { parseWwwAuthenticate, type ParsedChallenge } from './errors/www-authenticate.js';
export { findAadsts, findIdx, findConfigErrors, type CodeHit } from './errors/codes.js';
export { parseIdxDetails } from './errors/idx-details.js';
export { jwksServesIssuer, keyUriServesIssuer } from './keys/verify.js';
export { jwksFrom } from './keys/metadata.js';
export { hostOf, originOf, urlParams, safeUrl, simpleHostOf } from './util/url.js';
export { RefMap, entriesByRef } from './ref-map.js';
