import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'sanitized-trace', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
