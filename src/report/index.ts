/**
 * Report outputs: the JSON contract and its schema, Markdown and text
 * summaries, entry statistics for the summary, safe file output. The only
 * door into this folder.
 */
export * from './redact.js';
export { formatJson } from './json.js';
export { formatMarkdown } from './markdown.js';
export { formatText, type TextOptions } from './text.js';
export { createStyler, type StyleToken, type Styler } from './style.js';
export { createEntryStats, hostOfUrl, type EntryStats, type EntryStatsResult } from './entry-stats.js';
export { writeOutputAtomic, assertNotAnInput, OutputError, type WriteOutputOptions } from './output.js';
export { loadReportSchema, REPORT_SCHEMA_URL } from './schema.js';
export { upgradeReport, SUPPORTED_MAJOR } from './upgrade.js';
export { buildReport, reportToken, type BuildReportInput } from './build.js';
export { writeSanitizedHar, type SanitizeOptions, type SanitizeResult } from './sanitize/index.js';
