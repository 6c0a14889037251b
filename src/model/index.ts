export * from './entry.js';
export * from './token.js';
export * from './finding.js';
export * from './settings.js';
export * from './report.js';
