import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'clock-skew', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
