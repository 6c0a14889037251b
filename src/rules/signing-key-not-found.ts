import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'signing-key-not-found', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
