import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'missing-scope-or-role', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
