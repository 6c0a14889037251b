import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'claims-challenge', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
