import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'insecure-alg', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
