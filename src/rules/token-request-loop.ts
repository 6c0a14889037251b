import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'token-request-loop', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
