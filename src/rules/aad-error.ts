import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'aad-error', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
