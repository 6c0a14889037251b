/**
 * National-cloud facts for cloud-mismatch: which cloud issued a token (the
 * authority host it came from), and which hosts are Microsoft services
 * bound to one cloud. A customer's own API hosted in Azure (App Service,
 * API Management, Front Door...) is not bound: an app hosted in the public
 * cloud may rightly accept US Government tokens, so only Microsoft's own
 * resource endpoints count as "a resource of another cloud".
 */
import type { SessionToken } from '../../extract/index.js';
import { hostOf } from '../../extract/index.js';
import { cloudOf, hostNameOf, isMicrosoftAuthority, type CloudName } from '../../jwt/index.js';
import type { RuleContext } from '../types.js';

const SERVICE_PATTERNS: RegExp[] = [
  /^(?:graph|dod-graph|microsoftgraph)\./,
  /^management\./,
  /(?:^|\.)vault\./,
  /\.(?:blob|queue|table|file|dfs)\.core\./,
  /\.database\./,
  /^outlook\.office365\.|^outlook\.office\.|^partner\.outlook\./,
  /\.sharepoint\./,
];

/** The cloud of a Microsoft resource endpoint, or undefined for any other host. */
export function serviceCloud(urlOrHost: string): CloudName | undefined {
  const host = hostNameOf(urlOrHost);
  if (!host || !SERVICE_PATTERNS.some((p) => p.test(host))) return undefined;
  const cloud = cloudOf(host);
  return cloud === 'unknown' ? undefined : cloud;
}

/**
 * The cloud that issued a token and the host that says so: the authority
 * host of the response that delivered it, else the host in `iss` — except
 * sts.windows.net, which Azure Government v1 tokens carry too.
 */
export function authorityOf(ctx: RuleContext, t: SessionToken): { cloud: CloudName; host: string } | undefined {
  const issued = t.issuedAt ? ctx.entry(t.issuedAt) : undefined;
  const issueHost = issued ? hostOf(issued.request.url) : '';
  if (issueHost && isMicrosoftAuthority(issueHost)) {
    const cloud = cloudOf(issueHost);
    if (cloud !== 'unknown') return { cloud, host: issueHost };
  }
  const iss = typeof t.claims?.iss === 'string' ? t.claims.iss : '';
  const issHost = hostNameOf(iss);
  if (!issHost || issHost === 'sts.windows.net' || !isMicrosoftAuthority(issHost)) return undefined;
  const cloud = cloudOf(issHost);
  return cloud === 'unknown' ? undefined : { cloud, host: issHost };
}

export const CLOUD_NAMES: Record<CloudName, string> = {
  public: 'public (global) cloud',
  usgov: 'Azure US Government',
  china: 'Azure China (21Vianet)',
  germany: 'Azure Germany (retired)',
  unknown: 'unknown cloud',
};

/** AADSTS codes where Entra itself says the request crossed clouds. */
export const CROSS_CLOUD_CODES = new Set(['AADSTS90038', 'AADSTS90043', 'AADSTS900382', 'AADSTS900432', 'AADSTS1000104', 'AADSTS50134']);

export const CLOUD_ADVICE =
  'Use one cloud end to end: the authority and the resource must belong to the same national cloud (public: login.microsoftonline.com + graph.microsoft.com; US Government: login.microsoftonline.us + graph.microsoft.us; China: login.chinacloudapi.cn / login.partner.microsoftonline.cn + microsoftgraph.chinacloudapi.cn). In MSAL set the cloud instance (AzureCloudInstance / authority host) and request scopes of that cloud\'s resource URIs; the app must be registered in that cloud\'s tenant.';
