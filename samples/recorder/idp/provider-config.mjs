// oidc-provider configured to behave like the Entra ID v2 endpoint of one
// tenant: Entra's paths (under a /{tenant} mount), JWT access tokens per API
// (resource chosen from the "api://.../Scope" scope, as Entra does) with
// Entra's claim names, and RS256 keys with Entra-shaped key ids.
import {
  APIS, DAEMON_CLIENT, NATIVE_CLIENT, SPA_CLIENT, TENANT_ID, USER, apiByResource, resourcesInScope,
} from '../lib/tenant.mjs';
import { entraAccessTokenClaims } from './token-claims.mjs';
import { SharedMemoryAdapter } from './shared-adapter.mjs';

export const INTERNAL_DAEMON_SECRET = 'internal-hop-secret-never-on-the-wire-0123456789';

function resourceServerInfo(api, accessTokenTTL) {
  const scopes = [...api.delegatedScopes, '.default'].map((s) => `${api.appIdUri}/${s}`);
  return {
    scope: scopes.join(' '),
    audience: api.appId,
    accessTokenFormat: 'jwt',
    accessTokenTTL,
    jwt: { sign: { alg: 'RS256' } },
  };
}

export function providerConfiguration({ signingKeys, accessTokenTTL = 3600, nativeRedirectUri = 'http://localhost:8400/' }) {
  return {
    clients: [
      {
        client_id: SPA_CLIENT.clientId,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [SPA_CLIENT.redirectUri],
      },
      {
        client_id: NATIVE_CLIENT.clientId,
        token_endpoint_auth_method: 'none',
        application_type: 'native',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [nativeRedirectUri],
      },
      {
        client_id: DAEMON_CLIENT.clientId,
        client_secret: INTERNAL_DAEMON_SECRET,
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    adapter: SharedMemoryAdapter,
    jwks: { keys: signingKeys },
    cookies: {
      keys: ['sample-recorder-cookie-key-1'],
      names: { session: 'ESTSAUTH', interaction: 'x-ms-interaction', resume: 'x-ms-interaction-resume' },
    },
    routes: {
      authorization: '/oauth2/v2.0/authorize',
      token: '/oauth2/v2.0/token',
      jwks: '/discovery/v2.0/keys',
      userinfo: '/openid/userinfo',
      end_session: '/oauth2/v2.0/logout',
    },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'oid', 'tid'], email: ['email'] },
    responseTypes: ['code', 'none'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource(ctx, client, oneOf) {
          if (oneOf) return oneOf[0];
          const found = resourcesInScope(ctx.oidc.params.scope);
          if (found.length === 0) return undefined;
          return found.length === 1 ? found[0] : found;
        },
        useGrantedResource: () => true,
        getResourceServerInfo(ctx, resource) {
          const api = apiByResource(resource);
          if (!api) throw new Error(`unknown resource ${resource}`);
          return resourceServerInfo(api, accessTokenTTL);
        },
      },
    },
    async findAccount(ctx, sub) {
      if (sub !== USER.oid) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub, oid: USER.oid, tid: TENANT_ID, name: USER.name, preferred_username: USER.username, email: USER.username,
          };
        },
      };
    },
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    interactions: { url: (ctx, interaction) => `/${TENANT_ID}/login/${interaction.uid}` },
    ttl: { IdToken: 3600, RefreshToken: 24 * 3600, Interaction: 600, Session: 24 * 3600, Grant: 24 * 3600 },
    formats: { customizers: { jwt: entraAccessTokenClaims } },
    clientBasedCORS: (ctx, origin, client) => client.redirectUris.some((u) => new URL(u).origin === origin),
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = `<!DOCTYPE html><html><head><title>Sign in</title></head><body><p>${out.error}</p></body></html>`;
    },
    conformIdTokenClaims: false,
    pkce: { required: (ctx, client) => client.clientAuthMethod === 'none' },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    clientDefaults: { id_token_signed_response_alg: 'RS256' },
  };
}

export const knownApis = APIS;
