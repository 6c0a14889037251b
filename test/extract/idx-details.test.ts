import { describe, expect, it } from 'vitest';
import { parseIdxDetails } from '../../src/extract/index.js';

const PII_STRING = "[PII of type 'System.String' is hidden. For more details, see https://aka.ms/IdentityModel/PII.]";
const PII_OLD = '[PII is hidden. For more details, see https://aka.ms/IdentityModel/PII.]';
const ARTIFACT = "[Security Artifact of type 'Microsoft.IdentityModel.JsonWebTokens.JsonWebToken' is hidden. For more details, see https://aka.ms/IdentityModel/SecurityArtifactLogging.]";
const KEY_7X = (kid: string) => `Microsoft.IdentityModel.Tokens.JsonWebKey, Use: 'sig',  Kid: '${kid}', Kty: 'RSA', InternalId: 'x1'. , KeyId: ${kid}\\n`;

describe('parseIdxDetails', () => {
  const cases: { name: string; message: string; expected: Record<string, unknown> }[] = [
    {
      name: 'IDX10214 with PII shown, several valid audiences',
      message:
        "IDX10214: Audience validation failed. Audiences: 'api://99999999-8888-7777-6666-555555555555'. Did not match: validationParameters.ValidAudience: '11111111-2222-3333-4444-555555555555' or validationParameters.ValidAudiences: 'api://orders, https://orders.contoso.com'.",
      expected: {
        audiences: ['api://99999999-8888-7777-6666-555555555555'],
        validAudiences: ['11111111-2222-3333-4444-555555555555', 'api://orders', 'https://orders.contoso.com'],
      },
    },
    {
      name: 'IDX10214 with PII hidden (6.x/7.x default)',
      message: `IDX10214: Audience validation failed. Audiences: '${PII_STRING}'. Did not match: validationParameters.ValidAudience: '${PII_STRING}' or validationParameters.ValidAudiences: '${PII_STRING}'.`,
      expected: {},
    },
    {
      name: 'IDX10214 with ValidAudiences null',
      message: "IDX10214: Audience validation failed. Audiences: 'a, b'. Did not match: validationParameters.ValidAudience: 'c' or validationParameters.ValidAudiences: 'null'.",
      expected: { audiences: ['a', 'b'], validAudiences: ['c'] },
    },
    {
      name: 'IDX10223 7.x+ (UTC labels, en-US culture)',
      message: "IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '12/27/2024 4:41:52 PM', Current time (UTC): '12/30/2024 3:00:16 PM'.",
      expected: { validTo: '12/27/2024 4:41:52 PM', currentTime: '12/30/2024 3:00:16 PM' },
    },
    {
      name: 'IDX10223 inside a JSON body (System.Text.Json escapes quotes and newlines)',
      message: 'IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): \\u002705/01/2024 10:00:00\\u0027, Current time (UTC): \\u002705/01/2024 11:00:00\\u0027.\\n',
      expected: { validTo: '05/01/2024 10:00:00', currentTime: '05/01/2024 11:00:00' },
    },
    {
      name: 'IDX10223 6.x early (no UTC label)',
      message: "IDX10223: Lifetime validation failed. The token is expired. ValidTo: '05/01/2024 10:00:00', Current time: '05/01/2024 11:00:00'.",
      expected: { validTo: '05/01/2024 10:00:00', currentTime: '05/01/2024 11:00:00' },
    },
    {
      name: 'IDX10222 5.x (values on their own lines)',
      message: "IDX10222: Lifetime validation failed. The token is not yet valid.\nValidFrom: '05/01/2024 10:10:00'\nCurrent time: '05/01/2024 10:00:00'.",
      expected: { validFrom: '05/01/2024 10:10:00', currentTime: '05/01/2024 10:00:00' },
    },
    {
      name: 'IDX10222 with PII-hidden dates (older defaults)',
      message: `IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom: '${PII_OLD}', Current time: '${PII_OLD}'.`,
      expected: {},
    },
    {
      name: 'IDX10205 7.x with configuration issuer',
      message:
        "IDX10205: Issuer validation failed. Issuer: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/'. Did not match: validationParameters.ValidIssuer: 'null' or validationParameters.ValidIssuers: 'null' or validationParameters.ConfigurationManager.CurrentConfiguration.Issuer: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0'. For more details, see https://aka.ms/IdentityModel/issuer-validation. ",
      expected: {
        issuer: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
        validIssuers: ['https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0'],
      },
    },
    {
      name: 'IDX10205 6.x with two valid issuers',
      message: "IDX10205: Issuer validation failed. Issuer: 'https://a/'. Did not match: validationParameters.ValidIssuer: 'https://b/' or validationParameters.ValidIssuers: 'https://c/, https://d/'.",
      expected: { issuer: 'https://a/', validIssuers: ['https://b/', 'https://c/', 'https://d/'] },
    },
    {
      name: 'IDX10501 5.x',
      message: "IDX10501: Signature validation failed. Unable to match 'kid': 'nOo3ZDrODXEK1jKWhXslHR_KXEg', \ntoken: '{\"alg\":\"RS256\"}'.",
      expected: { kid: 'nOo3ZDrODXEK1jKWhXslHR_KXEg' },
    },
    {
      name: 'IDX10501 6.x with PII-hidden kid',
      message: `IDX10501: Signature validation failed. Unable to match key: \nkid: '${PII_STRING}'.\nNumber of keys in TokenValidationParameters: '0'. \nNumber of keys in Configuration: '2'. \nExceptions caught:\n '${PII_STRING}'. \ntoken: '${PII_STRING}'.`,
      expected: {},
    },
    {
      name: 'IDX10501 6.x with kid shown',
      message: "IDX10501: Signature validation failed. Unable to match key: \nkid: 'newKid-2'.\nNumber of keys in TokenValidationParameters: '0'.",
      expected: { kid: 'newKid-2' },
    },
    {
      name: 'IDX10503 7.x: kid first, keys tried with their own quotes',
      message: `IDX10503: Signature validation failed. The token's kid is: 'newKid', but did not match any keys in TokenValidationParameters or Configuration. Keys tried: '${KEY_7X('oldKid')}'. Number of keys in TokenValidationParameters: '0'. \\nNumber of keys in Configuration: '1'. \\nExceptions caught:\\n ''.\\ntoken: '${ARTIFACT}'. See https://aka.ms/IDX10503 for details.`,
      expected: { kid: 'newKid' },
    },
    {
      name: 'IDX10511 7.x: keys tried come before the kid',
      message: `IDX10511: Signature validation failed. Keys tried: '${KEY_7X('k1')}'. \\nNumber of keys in TokenValidationParameters: '0'. \\nNumber of keys in Configuration: '1'. \\nMatched key was in 'Configuration'. \\nkid: 'k1'. \\nExceptions caught:\\n ''.`,
      expected: { kid: 'k1' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = parseIdxDetails(c.message);
      const { keysTried, ...rest } = d;
      expect(rest).toEqual(c.expected);
      if (c.message.includes('Keys tried') && c.message.includes('JsonWebKey')) expect(keysTried).toContain('JsonWebKey');
      else expect(keysTried).toBeUndefined();
    });
  }
});
