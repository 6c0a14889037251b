import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'metadata-fetch-failed', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
