/**
 * What servers say about audiences, and which hosts well-known Microsoft
 * resource audiences belong to.
 *
 * Statements read here:
 *  IDX10214   "Audiences: 'x'. Did not match: validationParameters.ValidAudience: 'y' or … ValidAudiences: 'z'."
 *  JwtBearer  "The audience 'x' is invalid"
 *  Azure RM   "The access token has been obtained for wrong audience or resource 'x'. It should exactly
 *              match with one of the allowed audiences 'a','b'." (InvalidAuthenticationTokenAudience)
 */
import { GRAPH_APP_ID, hostNameOf, isGraphAudience, normalizeAudience } from '../../jwt/index.js';
import type { ServerVerdict } from './server-verdict.js';

export interface AudienceStatement {
  /** The audience the server saw. */
  audiences: string[];
  /** What it accepts, when it said. */
  valid: string[];
  code?: string;
}

const AUDIENCE_CODES = new Set(['IDX10214', 'IDX10208', 'IDX10206', 'IDX10207', 'IDX10231']);

function quotedList(text: string): string[] {
  return [...text.matchAll(/'([^']+)'/g)].map((m) => m[1]!.trim()).filter((v) => v.length > 0);
}

export function audienceStatement(v: ServerVerdict): AudienceStatement | undefined {
  const occ = v.codes.find((c) => AUDIENCE_CODES.has(c.code));
  const out: AudienceStatement = { audiences: [], valid: [] };
  if (occ) {
    out.code = occ.code;
    out.audiences.push(...(occ.details.audiences ?? []));
    out.valid.push(...(occ.details.validAudiences ?? []));
  }
  for (const text of v.texts) {
    const invalid = /\baudience '([^']+)' is invalid/i.exec(text);
    if (invalid) out.audiences.push(invalid[1]!);
    const arm = /wrong audience or resource '([^']+)'/i.exec(text);
    if (arm) out.audiences.push(arm[1]!);
    const allowed = /allowed audiences?\s+((?:'[^']*'\s*,?\s*)+)/i.exec(text);
    if (allowed) out.valid.push(...quotedList(allowed[1]!));
  }
  if (!occ && out.audiences.length === 0 && out.valid.length === 0 && !v.reasons.has('audience')) return undefined;
  out.audiences = [...new Set(out.audiences)];
  out.valid = [...new Set(out.valid)];
  return out;
}

/**
 * Microsoft resources whose tokens only their own hosts accept: the
 * audience forms (resource URI or app id) and the hosts that serve them.
 */
const RESOURCES: { name: string; audiences: string[]; hosts: string[] }[] = [
  {
    name: 'Microsoft Graph',
    audiences: [GRAPH_APP_ID, 'https://graph.microsoft.com', 'https://graph.microsoft.us', 'https://dod-graph.microsoft.us', 'https://microsoftgraph.chinacloudapi.cn'],
    hosts: ['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn'],
  },
  {
    name: 'Azure Resource Manager',
    audiences: ['https://management.azure.com', 'https://management.core.windows.net', 'https://management.usgovcloudapi.net', 'https://management.chinacloudapi.cn', '797f4846-ba00-4fd7-ba43-dac1f8f63013'],
    hosts: ['management.azure.com', 'management.usgovcloudapi.net', 'management.chinacloudapi.cn'],
  },
  { name: 'Azure Key Vault', audiences: ['https://vault.azure.net', 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093'], hosts: ['vault.azure.net'] },
  { name: 'Azure Storage', audiences: ['https://storage.azure.com', 'e406a681-f3d4-42a8-90b6-c2b029497af1'], hosts: ['blob.core.windows.net', 'queue.core.windows.net', 'table.core.windows.net', 'file.core.windows.net', 'dfs.core.windows.net'] },
  { name: 'Azure SQL Database', audiences: ['https://database.windows.net', '022907d3-0f1b-48f7-badc-1ba6abab6d66'], hosts: ['database.windows.net'] },
];

function hostIn(host: string, suffixes: string[]): boolean {
  return suffixes.some((s) => host === s || host.endsWith(`.${s}`));
}

const RESOURCE_BY_AUDIENCE = new Map<string, string>(RESOURCES.flatMap((r) => r.audiences.map((a) => [normalizeAudience(a), r.name] as [string, string])));
/** Audiences repeat across thousands of tokens; remember the answer (bounded). */
const resourceMemo = new Map<string, string | null>();

/** The Microsoft resource an audience names, if it is one of the well-known ones. */
export function resourceOfAudience(aud: string): string | undefined {
  const memo = resourceMemo.get(aud);
  if (memo !== undefined) return memo ?? undefined;
  const name = isGraphAudience(aud) ? 'Microsoft Graph' : RESOURCE_BY_AUDIENCE.get(normalizeAudience(aud));
  if (resourceMemo.size < 10_000) resourceMemo.set(aud, name ?? null);
  return name;
}

/** The Microsoft resource a host serves, if it is one of the well-known ones. */
export function resourceOfHost(urlOrHost: string): string | undefined {
  const host = hostNameOf(urlOrHost);
  return RESOURCES.find((r) => hostIn(host, r.hosts))?.name;
}

/**
 * A token for one well-known resource used at another host (a Graph token at
 * the app's own API, an API token at Graph): the name of each side, or
 * undefined when neither side is a well-known resource or they match.
 */
export function wrongResource(audiences: string[], host: string): { tokenFor: string; sentTo: string } | undefined {
  const tokenFor = audiences.map(resourceOfAudience).find((r) => r !== undefined);
  const sentTo = resourceOfHost(host);
  if (!tokenFor && !sentTo) return undefined;
  if (tokenFor === sentTo) return undefined;
  return { tokenFor: tokenFor ?? audiences[0] ?? 'another audience', sentTo: sentTo ?? host };
}
