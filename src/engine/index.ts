/** Engine: runs a whole analysis, runs the rules over a Session, orders findings. */
export { analyze, type AnalyzeOptions, type AnalysisResult } from './analyze.js';
export { runRules, type RuleRun } from './run-rules.js';
export { orderAndNumber } from './order.js';
export { loadKeySetFile, type ExtraKeySet } from './jwks-files.js';
export { TOOL_VERSION } from './version.js';
