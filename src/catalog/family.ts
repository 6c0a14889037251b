import { aadstsCatalog, idxCatalog } from './load.js';

// Microsoft.IdentityModel numbers its log messages by package; the range tells a
// reader which part of the validation stack wrote the message.
const IDX_PACKAGES: ReadonlyArray<readonly [number, number, string]> = [
  [10000, 10999, 'Microsoft.IdentityModel.Tokens: token validation (lifetime, audience, issuer, keys, algorithms)'],
  [11000, 11999, 'Microsoft.IdentityModel.Tokens.Saml: SAML 1.1 tokens'],
  [12000, 12999, 'System.IdentityModel.Tokens.Jwt: JwtSecurityTokenHandler'],
  [13000, 13999, 'Microsoft.IdentityModel.Tokens.Saml: SAML 2.0 tokens'],
  [14000, 14999, 'Microsoft.IdentityModel.JsonWebTokens: JsonWebTokenHandler (reading JWTs)'],
  [20000, 20999, 'Microsoft.IdentityModel.Protocols: retrieving metadata and keys'],
  [21000, 21999, 'Microsoft.IdentityModel.Protocols.OpenIdConnect: OIDC protocol checks (nonce, state, hashes)'],
  [22000, 22999, 'Microsoft.IdentityModel.Protocols.WsFederation: WS-Federation messages and metadata'],
  [23000, 23999, 'Microsoft.IdentityModel.Protocols.SignedHttpRequest: signed HTTP requests (PoP)'],
  [30000, 30999, 'Microsoft.IdentityModel.Xml: XML signatures'],
  [40000, 40999, 'Microsoft.IdentityModel.Validators: Entra issuer validation'],
];

/** The catalog's categories among codes that share the longest leading digits with `number`. */
function neighbourCategories(number: number, known: Iterable<{ number: number; category: string }>): { prefix: string; categories: string[] } | undefined {
  const digits = String(number);
  const entries = [...known].map((e) => ({ digits: String(e.number), category: e.category }));
  for (let length = digits.length - 1; length >= 2; length--) {
    const prefix = digits.slice(0, length);
    const near = entries.filter((e) => e.digits.length === digits.length && e.digits.startsWith(prefix));
    if (near.length < 3) continue;
    const counts = new Map<string, number>();
    for (const e of near) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
    const categories = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
    return { prefix, categories: categories.slice(0, 3) };
  }
  return undefined;
}

/** One or two sentences about the family a code belongs to, for codes not in the catalog. */
export function familyHint(code: string): string {
  if (code.startsWith('IDX')) {
    const number = Number(code.slice(3));
    const pkg = IDX_PACKAGES.find(([from, to]) => number >= from && number <= to);
    const near = neighbourCategories(number, idxCatalog().values());
    const parts = [pkg ? `IDX${Math.floor(number / 1000)}xxx codes come from ${pkg[2]}.` : 'IDX codes come from Microsoft.IdentityModel, the .NET token validation libraries.'];
    if (near) parts.push(`Nearby IDX${near.prefix}... codes in the catalog are about: ${near.categories.join(', ')}.`);
    return parts.join(' ');
  }
  const number = Number(code.slice('AADSTS'.length));
  const near = neighbourCategories(number, aadstsCatalog().values());
  const base = 'AADSTS codes come from Microsoft Entra ID sign-in and token requests.';
  return near ? `${base} Nearby AADSTS${near.prefix}... codes in the catalog are about: ${near.categories.join(', ')}.` : base;
}
