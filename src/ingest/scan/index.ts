/**
 * Format-agnostic body scanning shared by the HAR and SAZ readers: finds the
 * fragments of large bodies worth keeping, decodes base64 in chunks.
 */
export { createFragmentScanner, scanFragments, type FragmentScanner, type FragmentScannerOptions } from './fragment-scanner.js';
export { Base64StreamDecoder, base64DecodedLength, type Base64StreamOptions } from './base64-stream.js';
export { startsWithBinaryMagic } from './binary-magic.js';
