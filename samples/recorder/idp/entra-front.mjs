// The public face of the local IdP on https://login.microsoftonline.com:
// maps Entra's URL layout onto oidc-provider, stamps every response with the
// IdP's own clock (Date header), and answers the cases Entra answers itself
// (bad client credentials, MFA required, redirect URI mismatch) in Entra's
// wire formats.
import crypto from 'node:crypto';
import http from 'node:http';
import { SPA_CLIENT, TENANT_ID, resourcesInScope } from '../lib/tenant.mjs';
import { readAll } from '../lib/net-util.mjs';
import { checkDaemonCredential } from './client-checks.mjs';
import {
  AADSTS, authorizeErrorLocation, errorPageHtml, tokenErrorBody,
} from './entra-errors.mjs';
import { handleLogin } from './login-pages.mjs';

const T = `/${TENANT_ID}`;

// The service cookies Entra sets on its responses (values are opaque to clients).
function entraServiceCookies() {
  const expires = new Date(Date.now() + 30 * 24 * 3600 * 1000).toUTCString();
  return [
    `fpc=${crypto.randomBytes(24).toString('base64url')}; expires=${expires}; path=/; secure; HttpOnly; SameSite=None`,
    'x-ms-gateway-slice=estsfd; path=/; secure; samesite=none; httponly',
    'stsservicecookie=estsfd; path=/; secure; samesite=none; httponly',
  ];
}

function stamp(res) {
  res.setHeader('Set-Cookie', entraServiceCookies());
  res.setHeader('Date', new Date().toUTCString());
  res.setHeader('x-ms-request-id', crypto.randomUUID());
  res.setHeader('x-ms-ests-server', '2.1.19000.0 - local sample');
}

function sendJson(res, status, body, extra = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache', ...extra,
  });
  res.end(text);
}

/** Forwards to the internal oidc-provider, keeping the public Host and replacing its Date header. */
function forward(req, res, internalPort, { path = req.url, body, headers = req.headers, rewriteJson } = {}) {
  return new Promise((resolve, reject) => {
    const outHeaders = { ...headers, 'x-forwarded-proto': 'https' };
    if (body) { outHeaders['content-length'] = Buffer.byteLength(body); delete outHeaders['transfer-encoding']; }
    const up = http.request({ host: '127.0.0.1', port: internalPort, method: req.method, path, headers: outHeaders }, async (upRes) => {
      const h = { ...upRes.headers };
      delete h.date; delete h.connection; delete h['keep-alive'];
      h['set-cookie'] = [...[].concat(res.getHeader('set-cookie') ?? []), ...(upRes.headers['set-cookie'] ?? [])];
      if (rewriteJson && upRes.statusCode === 200) {
        const text = JSON.stringify(rewriteJson(JSON.parse((await readAll(upRes)).toString())));
        delete h['transfer-encoding'];
        h['content-length'] = Buffer.byteLength(text);
        res.writeHead(upRes.statusCode, h);
        res.end(text);
      } else {
        res.writeHead(upRes.statusCode, h);
        upRes.pipe(res);
      }
      upRes.on('end', resolve);
      upRes.on('error', reject);
    });
    up.on('error', reject);
    if (body !== undefined) up.end(body); else req.pipe(up);
  });
}

function entraDiscoveryExtras(doc) {
  return {
    ...doc,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

function authorizeCheck(url) {
  const q = url.searchParams;
  if (q.get('client_id') !== SPA_CLIENT.clientId) return undefined;
  const redirectUri = q.get('redirect_uri');
  if (!redirectUri || redirectUri === SPA_CLIENT.redirectUri) return undefined;
  const err = AADSTS.redirectMismatch(redirectUri, SPA_CLIENT.clientId);
  const registered = new URL(SPA_CLIENT.redirectUri);
  if (new URL(redirectUri).origin === registered.origin) {
    // Same origin as a registered URI: the error goes back to the app on the URI Entra trusts.
    return {
      location: authorizeErrorLocation({
        redirectUri: SPA_CLIENT.redirectUri, responseMode: q.get('response_mode') ?? 'query', ...err, state: q.get('state'),
      }),
    };
  }
  return { page: errorPageHtml({ ...err, correlationId: q.get('client-request-id') }) };
}

async function tokenEndpoint(req, res, state) {
  const raw = (await readAll(req)).toString();
  const form = new URLSearchParams(raw);
  const correlationId = req.headers['client-request-id'];
  const cors = req.headers.origin ? { 'Access-Control-Allow-Origin': req.headers.origin } : {};
  const mfaResource = state.policy.mfaRequiredResource;
  if (mfaResource && form.get('grant_type') === 'refresh_token' && resourcesInScope(form.get('scope')).includes(mfaResource)) {
    const claims = JSON.stringify({ access_token: { capolids: { essential: true, values: [state.policy.caPolicyId] } } });
    const body = tokenErrorBody({ ...AADSTS.mfaRequired(mfaResource), suberror: 'basic_action', claims, correlationId });
    sendJson(res, 400, body, cors);
    return;
  }
  const checked = await checkDaemonCredential(form, req.headers, state.registeredCerts);
  if (checked.reject) {
    sendJson(res, checked.reject.status, tokenErrorBody({ ...checked.reject.aadsts, correlationId }), cors);
    return;
  }
  // Entra infers the resource from the scope; oidc-provider wants it as an RFC 8707 resource parameter.
  const resource = resourcesInScope(checked.form.get('scope'))[0];
  if (resource && !checked.form.has('resource')) checked.form.set('resource', resource);
  await forward(req, res, state.internal.port, { body: checked.form.toString(), headers: checked.headers });
}

export function createFrontHandler(state) {
  return async (req, res) => {
    stamp(res);
    try {
      const url = new URL(req.url, 'https://login.microsoftonline.com');
      if (url.pathname === `${T}/v2.0/.well-known/openid-configuration`) {
        await forward(req, res, state.internal.port, { path: `${T}/.well-known/openid-configuration`, rewriteJson: entraDiscoveryExtras });
      } else if (url.pathname.startsWith(`${T}/login/`)) {
        await handleLogin(req, res, state.internal.provider, TENANT_ID);
      } else if (url.pathname === `${T}/oauth2/v2.0/authorize`) {
        const verdict = authorizeCheck(url);
        if (verdict?.page) {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store, no-cache' });
          res.end(verdict.page);
        } else if (verdict?.location) {
          res.writeHead(302, { Location: verdict.location, 'Cache-Control': 'no-store, no-cache', 'Content-Length': '0' });
          res.end();
        } else {
          await forward(req, res, state.internal.port);
        }
      } else if (url.pathname === `${T}/oauth2/v2.0/token` && req.method === 'POST') {
        await tokenEndpoint(req, res, state);
      } else if (url.pathname.startsWith(`${T}/`)) {
        await forward(req, res, state.internal.port);
      } else {
        sendJson(res, 404, { error: 'not_found' });
      }
    } catch (err) {
      console.error('idp front error', err);
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
      else res.destroy();
    }
  };
}
