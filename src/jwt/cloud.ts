/** Microsoft cloud instances a host can belong to. Germany was retired in October 2021. */
export type CloudName = 'public' | 'usgov' | 'china' | 'germany' | 'unknown';

// Suffix lists, most specific first within each cloud. A host matches a suffix when it
// equals it or ends with "." + suffix.
const CLOUD_SUFFIXES: ReadonlyArray<readonly [Exclude<CloudName, 'unknown'>, readonly string[]]> = [
  ['usgov', ['microsoftonline.us', 'microsoft.us', 'usgovcloudapi.net', 'azure.us', 'usgovtrafficmanager.net']],
  [
    'china',
    [
      'chinacloudapi.cn',
      'partner.microsoftonline.cn',
      'microsoftonline.cn',
      'chinacloudsites.cn',
      'azure.cn',
      'partner.outlook.cn',
    ],
  ],
  ['germany', ['microsoftonline.de', 'microsoft.de', 'cloudapi.de', 'azure.de']],
  [
    'public',
    [
      'microsoftonline.com',
      // sts.windows.net is the v1 issuer host of the public cloud; Azure Government has
      // been seen issuing v1 tokens with it too, so callers comparing clouds should
      // prefer the authority the client talked to over a v1 iss.
      'windows.net',
      'microsoft.com',
      'office.com',
      'office365.com',
      'sharepoint.com',
      'azure.com',
      'azure.net',
      'windows-ppe.net',
      'live.com',
      'b2clogin.com',
      'ciamlogin.com',
      'azurewebsites.net',
      'cloudapp.net',
      'microsoftazuread-sso.com',
      'msauth.net',
      'msftauth.net',
    ],
  ],
];

function hostOf(urlOrHost: string): string {
  const value = urlOrHost.trim().toLowerCase();
  if (value.length === 0) return '';
  if (value.includes('://')) {
    try {
      return new URL(value).hostname;
    } catch {
      return '';
    }
  }
  // A bare host, possibly with a port or a path glued on.
  return value.split(/[/:?#]/, 1)[0] ?? '';
}

export function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/** Which Microsoft cloud a URL or host name belongs to ('unknown' for anything else). */
export function cloudOf(urlOrHost: string): CloudName {
  const host = hostOf(urlOrHost);
  if (!host) return 'unknown';
  for (const [cloud, suffixes] of CLOUD_SUFFIXES) {
    if (suffixes.some((suffix) => hostMatches(host, suffix))) return cloud;
  }
  return 'unknown';
}

/** Lower-case host of a URL or bare host; '' when it cannot be read. */
export function hostNameOf(urlOrHost: string): string {
  return hostOf(urlOrHost);
}
