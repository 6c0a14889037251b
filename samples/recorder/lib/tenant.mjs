// Fixed identifiers of the fictional Contoso tenant, so every regeneration
// produces traces with the same tenant, client and API ids.

export const TENANT_ID = 'b5e1c6a0-4d2f-4e8a-9c3b-7f1a2e6d8c90';
export const AUTHORITY_HOST = 'login.microsoftonline.com';
export const ISSUER = `https://${AUTHORITY_HOST}/${TENANT_ID}/v2.0`;
export const AUTHORITY = `https://${AUTHORITY_HOST}/${TENANT_ID}`;

export const HOSTS = {
  idp: AUTHORITY_HOST,
  orders: 'api.contoso.example',
  reports: 'reports.contoso.example',
  spa: 'app.contoso.example',
};

export const ORDERS_API = {
  name: 'orders',
  host: HOSTS.orders,
  appId: '6b8e2d41-3f7a-4c95-8e12-a0b9c4d7e5f3',
  appIdUri: 'api://contoso-orders',
  delegatedScopes: ['Orders.Read'],
  appRoles: ['Orders.Read.All'],
};

export const REPORTS_API = {
  name: 'reports',
  host: HOSTS.reports,
  appId: 'd2c7a9e4-51b8-4e3f-b6a0-7c1d9e8f2a45',
  appIdUri: 'api://contoso-reports',
  delegatedScopes: ['Reports.Read'],
  appRoles: [],
};

export const APIS = [ORDERS_API, REPORTS_API];

export const SPA_CLIENT = {
  clientId: '3f1d7c52-8a4e-4b6f-9c21-5e7a0d9b4c11',
  redirectUri: `https://${HOSTS.spa}/`,
};

/** A public desktop/CLI client that signs in through the system browser and a loopback redirect. */
export const NATIVE_CLIENT = {
  clientId: '0e8c4f2a-7b1d-4c3e-9a5f-6d2b8e1c4a97',
};

/** A confidential daemon with one valid secret, one expired secret and one registered certificate. */
export const DAEMON_CLIENT = {
  clientId: '9e4b2a17-6c3d-4f80-a1b5-2d7c8e9f0a36',
  // Throwaway values of a local test tenant; they exist only in these traces.
  validSecret: 'Qx48Q~local-sample-secret-valid.0001',
  expiredSecret: 'Zt19Q~local-sample-secret-expired.01',
  roles: { [ORDERS_API.appIdUri]: ['Orders.Read.All'] },
  servicePrincipalOid: 'b7c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e',
};

export const USER = {
  oid: '4f7e1c2b-9a8d-4e6f-b3c5-1a2d3e4f5a6b',
  name: 'Adele Vance',
  username: 'adele@contoso.example',
  password: 'sample-password-1',
};

/** The resource (App ID URI) a scope string names, Entra style: "api://x/Scope" -> "api://x". */
export function resourcesInScope(scope) {
  const out = [];
  for (const s of String(scope ?? '').split(' ')) {
    const api = APIS.find((a) => s.startsWith(`${a.appIdUri}/`));
    if (api && !out.includes(api.appIdUri)) out.push(api.appIdUri);
  }
  return out;
}

export function apiByResource(resource) {
  return APIS.find((a) => a.appIdUri === resource || a.appId === resource);
}
