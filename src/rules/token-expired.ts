import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'token-expired', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
