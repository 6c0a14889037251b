const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Microsoft Graph's application id: the GUID form of the Graph audience in every cloud. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

const GRAPH_HOSTS: ReadonlySet<string> = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
  'graph.microsoft.de',
]);

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}

/** `aud` as a list: a string becomes one item, an array keeps its strings, anything else is empty. */
export function audienceList(aud: unknown): string[] {
  if (typeof aud === 'string') return aud.length > 0 ? [aud] : [];
  if (Array.isArray(aud)) return aud.filter((a): a is string => typeof a === 'string' && a.length > 0);
  return [];
}

/** Canonical form used to compare audiences the way Entra-configured APIs usually mean them. */
export function normalizeAudience(aud: string): string {
  let value = aud.trim().toLowerCase();
  while (value.endsWith('/')) value = value.slice(0, -1);
  // api://{guid} is the default App ID URI of an app whose client id is {guid}.
  const appIdUri = /^api:\/\/([0-9a-f-]{36})$/.exec(value);
  if (appIdUri?.[1] && GUID.test(appIdUri[1])) return appIdUri[1];
  return value;
}

/** Case- and trailing-slash-insensitive comparison; `api://{guid}` equals `{guid}`. */
export function sameAudience(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0 || b.length === 0) return false;
  return normalizeAudience(a) === normalizeAudience(b);
}

/** True for Graph's app id and for Graph's resource URI in any cloud. */
export function isGraphAudience(aud: unknown): boolean {
  return audienceList(aud).some((value) => {
    const normalized = normalizeAudience(value);
    if (normalized === GRAPH_APP_ID) return true;
    const match = /^https:\/\/([^/]+)$/.exec(normalized);
    return match?.[1] !== undefined && GRAPH_HOSTS.has(match[1]);
  });
}
