/**
 * API refusal shapes as Microsoft.IdentityModel / ASP.NET Core write them,
 * for rule tests: WWW-Authenticate headers with IDX descriptions.
 */

/** `Bearer error="invalid_token", error_description="…"` (description quoted; single quotes inside are fine). */
export function bearerError(description: string): Record<string, string> {
  return { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description.replace(/"/g, "'")}"` };
}

/** The JsonWebKey description Microsoft.IdentityModel puts in "Keys tried". */
function keyTried(kid: string): string {
  return `Microsoft.IdentityModel.Tokens.JsonWebKey, Use: 'sig',  Kid: '${kid}', Kty: 'RSA', InternalId: 'x'. , KeyId: ${kid}`;
}

/** IDX10503 (7.x): the token's kid matched none of the keys the API has. */
export function idx10503(kid: string, apiKids: string[]): Record<string, string> {
  return bearerError(
    `IDX10503: Signature validation failed. The token's kid is: '${kid}', but did not match any keys in TokenValidationParameters or Configuration. Keys tried: '${apiKids.map(keyTried).join(' ')}'. Number of keys in Configuration: '${apiKids.length}'.`,
  );
}

/** IDX10501 (6.x): "Unable to match key: kid: '…'". */
export function idx10501(kid: string): Record<string, string> {
  return bearerError(`IDX10501: Signature validation failed. Unable to match key: kid: '${kid}'. Exceptions caught: ''.`);
}

/** IDX10511: a key matched the kid but the signature did not verify. */
export function idx10511(kid: string): Record<string, string> {
  return bearerError(`IDX10511: Signature validation failed. Keys tried: 'x'. Matched key was in 'Configuration'. kid: '${kid}'.`);
}

/** ASP.NET Core JwtBearer's generic text when IDX details are hidden. */
export function keyNotFoundGeneric(): Record<string, string> {
  return bearerError('The signature key was not found');
}
