import type { Rule } from './types.js';

export const rule: Rule = {
  meta: { id: 'oidc-protocol', description: 'not implemented yet', defaultSeverity: 'error' },
  check: () => [],
};
