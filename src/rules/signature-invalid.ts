import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'signature-invalid', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
