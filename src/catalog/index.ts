/**
 * AADSTS and IDX error catalogs (TSV data loaded once, lazily) and the text of the
 * `explain` command. The only public door of src/catalog.
 */
export { normalizeCode, kindOfCode } from './codes.js';
export { explain, catalogSize } from './explain.js';
export { aadstsCatalog, idxCatalog, CatalogFormatError } from './load.js';
export { familyHint } from './family.js';
export { formatExplanation, lookupUrl, NOT_A_CODE, type FormatExplanationOptions } from './format-explanation.js';
export {
  AADSTS_CATEGORIES,
  IDX_CATEGORIES,
  type AadstsCategory,
  type IdxCategory,
  type CodeKind,
  type AadstsEntry,
  type IdxEntry,
  type ExplainResult,
} from './types.js';
