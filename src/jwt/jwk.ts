/**
 * One entry of a captured JWKS `keys` array, as the server wrote it. Members are
 * loosely typed on purpose: captured key sets are input, not trusted data.
 */
export interface JsonWebKey {
  kty?: string;
  kid?: string;
  x5t?: string;
  use?: string;
  alg?: string;
  /** Certificate chain, standard base64 DER; the first one holds the key. */
  x5c?: unknown;
  [member: string]: unknown;
}
