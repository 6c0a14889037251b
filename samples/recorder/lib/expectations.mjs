// Builds samples/<name>.expected.json: the findings a correct analysis must
// report for a sample (rule ids from DESIGN.md), and the ones it must not.

export const ALL_PROBLEM_RULES = [
  'aad-error', 'idx-error', 'signature-invalid', 'signing-key-not-found', 'signing-key-rotated', 'insecure-alg',
  'token-expired', 'token-not-yet-valid', 'clock-skew', 'audience-mismatch', 'issuer-mismatch', 'cloud-mismatch',
  'missing-scope-or-role', 'claims-challenge', 'sanitized-trace', 'token-request-loop', 'malformed-token',
  'oidc-protocol', 'metadata-fetch-failed',
];

export function expectation({ sample, summary, mustFind, alsoAllowed = [], maxSeverityOtherwise = 'info', tolerance }) {
  const named = new Set([...mustFind.map((f) => f.rule), ...alsoAllowed]);
  const out = {
    sample,
    summary,
    mustFind,
    mustNotFind: ALL_PROBLEM_RULES.filter((r) => !named.has(r)).map((rule) => ({ rule })),
    maxSeverityOtherwise,
  };
  if (tolerance) out.tolerance = tolerance;
  return out;
}
