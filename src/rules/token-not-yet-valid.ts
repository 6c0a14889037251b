import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'token-not-yet-valid', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
