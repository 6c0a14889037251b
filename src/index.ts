/**
 * trace-audit as a library: `analyze(paths)` gives the Report (the JSON
 * contract), the Session and the entries; the formatters turn a Report into
 * text, JSON or Markdown.
 */
export * from './model/index.js';
export { analyze, type AnalyzeOptions, type AnalysisResult } from './engine/index.js';
export { formatJson, formatMarkdown, formatText, writeSanitizedHar, loadReportSchema, upgradeReport } from './report/index.js';
export { openTrace, readBody, InputError } from './ingest/index.js';
export { decodeToken, verifySignature, tokenId } from './jwt/index.js';
export { explain } from './catalog/index.js';
export { RULES, RULE_IDS, type Rule, type RuleId } from './rules/index.js';
