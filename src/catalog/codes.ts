import type { CodeKind } from './types.js';

/**
 * Canonical form of a code a user typed or a server wrote: "AADSTS50011" from
 * "AADSTS50011", "aadsts50011", "AADSTS50011:" or "50011"; "IDX10501" from
 * "idx10501". Anything else is not a code (undefined).
 */
export function normalizeCode(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const value = input.trim().replace(/:$/, '');
  const aad = /^(?:aadsts)?(\d{5,7})$/i.exec(value);
  if (aad?.[1]) return `AADSTS${String(Number(aad[1]))}`;
  const idx = /^idx(\d{5})$/i.exec(value);
  if (idx?.[1]) return `IDX${idx[1]}`;
  return undefined;
}

export function kindOfCode(code: string): CodeKind {
  return code.startsWith('IDX') ? 'idx' : 'aadsts';
}
