/**
 * Precision on real traces (test/fixtures, see SOURCES.md): none of them holds
 * a key, signature or protocol problem, so the key/signature and hygiene rules
 * must stay silent — including Office's empty "Authorization: Bearer" probes,
 * a SharePoint/WOPI token passed in URLs, and non-JWT test bearers.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openTrace } from '../../src/ingest/index.js';
import { createExtractor, type Session } from '../../src/extract/index.js';
import { runRules } from '../../src/engine/index.js';
import { RULES } from '../../src/rules/index.js';
import { DEFAULT_SETTINGS } from '../../src/model/index.js';

const MINE = new Set(['signing-key-rotated', 'signature-invalid', 'signing-key-not-found', 'unverifiable-token', 'insecure-alg', 'malformed-token', 'metadata-fetch-failed', 'oidc-protocol', 'token-in-url', 'sanitized-trace']);

async function sessionOfFixture(name: string): Promise<Session> {
  const path = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  const reader = await openTrace(path, { input: 0 });
  const ex = createExtractor({ settings: DEFAULT_SETTINGS });
  for await (const e of reader.entries()) ex.add(e);
  return ex.finish([reader.info]);
}

const samples: { file: string; facts: (s: Session) => void }[] = [
  {
    file: 'saz/NewCaseName_Coauth.saz',
    facts: (s) => {
      // Five empty-bearer probes answered with NTLM, and the WOPI token in query strings.
      expect(s.emptyBearers).toHaveLength(5);
      expect(s.tokens.some((t) => t.format === 'jws' && t.uses.some((u) => u.where === 'query'))).toBe(true);
    },
  },
  { file: 'har/example.har', facts: (s) => expect(s.tokens.map((t) => t.compact.length)).toEqual([6]) },
  { file: 'saz/sample.saz', facts: (s) => expect(s.tokens).toHaveLength(1) },
  { file: 'har/diff_data.har', facts: (s) => expect(s.tokens.map((t) => t.format)).toEqual(['opaque']) },
  { file: 'har/brave.har', facts: (s) => expect(s.sanitization.withAuthorization).toBe(0) },
];

describe('key/signature and hygiene rules on real traces', () => {
  for (const sample of samples) {
    it(`${sample.file}: no finding`, async () => {
      const session = await sessionOfFixture(sample.file);
      sample.facts(session);
      const { findings } = runRules(RULES, session, DEFAULT_SETTINGS);
      expect(findings.filter((f) => MINE.has(f.rule))).toEqual([]);
    });
  }
});
