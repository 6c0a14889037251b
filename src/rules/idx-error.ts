import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'idx-error', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
