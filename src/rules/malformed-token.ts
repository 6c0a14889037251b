import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'malformed-token', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
