import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'issuer-mismatch', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
