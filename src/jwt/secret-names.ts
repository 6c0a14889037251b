/**
 * Names of form, query, JSON and claim members whose values are credentials.
 * One list for the whole program: display redaction, --sanitize and claim
 * masking in `decode` all hide exactly these. Lower case.
 */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'code',
  'access_token',
  'id_token',
  'refresh_token',
  'client_secret',
  'client_assertion',
  'assertion',
  'password',
  'passwd',
  'pwd',
  'token',
  'id_token_hint',
  'code_verifier',
  'samlresponse',
  'samlrequest',
  'wresult',
  'device_code',
  'user_code',
  'flowtoken',
  'ctx',
  'secret',
  'apikey',
  'api_key',
  'subscription-key',
]);
