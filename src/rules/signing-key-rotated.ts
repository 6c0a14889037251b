import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'signing-key-rotated', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
