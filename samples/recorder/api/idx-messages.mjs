// Message texts of Microsoft.IdentityModel 7.x/8.x (LogMessages.cs) for the
// validation failures the sample APIs report, with PII shown (ShowPII = true)
// and the token itself hidden, as those versions log security artifacts.
import crypto from 'node:crypto';

const HIDDEN_TOKEN = "[Security Artifact of type 'Microsoft.IdentityModel.JsonWebTokens.JsonWebToken' is hidden. For more details, see https://aka.ms/IdentityModel/SecurityArtifactLogging.]";

/** .NET DateTime.ToString() in the invariant culture: MM/dd/yyyy HH:mm:ss (UTC). */
export function dotnetInvariant(date) {
  const p = (n) => String(n).padStart(2, '0');
  return `${p(date.getUTCMonth() + 1)}/${p(date.getUTCDate())}/${date.getUTCFullYear()} ${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())}`;
}

function keyDescription(jwk) {
  const internalId = crypto.createHash('sha256').update(`${jwk.e}.${jwk.n}`).digest('base64url');
  return `Microsoft.IdentityModel.Tokens.JsonWebKey, Use: '${jwk.use ?? 'sig'}',  Kid: '${jwk.kid}', Kty: '${jwk.kty}', InternalId: '${internalId}'. , KeyId: ${jwk.kid}\n`;
}

export const IDX = {
  kidNotFound: (kid, keys) => ({
    code: 'IDX10503',
    text: `IDX10503: Signature validation failed. The token's kid is: '${kid}', but did not match any keys in TokenValidationParameters or Configuration. Keys tried: '${keys.map(keyDescription).join('')}'. Number of keys in TokenValidationParameters: '0'. \nNumber of keys in Configuration: '${keys.length}'. \nExceptions caught:\n ''.\ntoken: '${HIDDEN_TOKEN}'. See https://aka.ms/IDX10503 for details.`,
  }),
  signatureInvalid: (kid, keys) => ({
    code: 'IDX10511',
    text: `IDX10511: Signature validation failed. Keys tried: '${keys.map(keyDescription).join('')}'. \nNumber of keys in TokenValidationParameters: '0'. \nNumber of keys in Configuration: '${keys.length}'. \nMatched key was in 'Configuration'. \nkid: '${kid}'. \nExceptions caught:\n ''.\ntoken: '${HIDDEN_TOKEN}'. See https://aka.ms/IDX10511 for details.`,
  }),
  notYetValid: (nbf, now) => ({
    code: 'IDX10222',
    text: `IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom (UTC): '${dotnetInvariant(nbf)}', Current time (UTC): '${dotnetInvariant(now)}'.`,
  }),
  expired: (exp, now) => ({
    code: 'IDX10223',
    text: `IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '${dotnetInvariant(exp)}', Current time (UTC): '${dotnetInvariant(now)}'.`,
  }),
  audience: (aud, validAudience) => ({
    code: 'IDX10214',
    text: `IDX10214: Audience validation failed. Audiences: '${[].concat(aud).join(', ')}'. Did not match: validationParameters.ValidAudience: '${validAudience}' or validationParameters.ValidAudiences: 'null'.`,
  }),
  issuer: (iss, validIssuer) => ({
    code: 'IDX10205',
    text: `IDX10205: Issuer validation failed. Issuer: '${iss}'. Did not match: validationParameters.ValidIssuer: '${validIssuer}' or validationParameters.ValidIssuers: 'null' or validationParameters.ConfigurationManager.CurrentConfiguration.Issuer: '${validIssuer}'. For more details, see https://aka.ms/IdentityModel/issuer-validation. `,
  }),
  malformed: () => ({
    code: 'IDX14100',
    text: `IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.EndcodedPayload.EncodedSignature'. (JWE): 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.`,
  }),
};
