// A protected web API on 127.0.0.1 (HTTPS, served as api.contoso.example or
// reports.contoso.example) that validates bearer tokens the way an ASP.NET
// Core API with JwtBearer + Microsoft.Identity.Web does.
import https from 'node:https';
import { ISSUER, HOSTS } from '../lib/tenant.mjs';
import { listenLocal, sleep } from '../lib/net-util.mjs';
import { validateBearer } from './bearer-validation.mjs';
import { JwksCache } from './jwks-cache.mjs';
import {
  sendAnonymousChallenge, sendClaimsChallenge, sendInsufficientScope, sendInvalidToken, sendJson,
} from './api-responses.mjs';

const SPA_ORIGIN = `https://${HOSTS.spa}`;

function corsHeaders(req) {
  return req.headers.origin === SPA_ORIGIN ? { 'Access-Control-Allow-Origin': SPA_ORIGIN, 'Access-Control-Expose-Headers': 'WWW-Authenticate' } : {};
}

function hasPermission(api, claims) {
  const scp = String(claims.scp ?? '').split(' ');
  const roles = claims.roles ?? [];
  return api.delegatedScopes.some((s) => scp.includes(s)) || api.appRoles.some((r) => roles.includes(r));
}

function sampleData(api, path) {
  if (api.name === 'orders') return { value: [{ id: 'SO-1001', status: 'shipped', total: 129.9 }, { id: 'SO-1002', status: 'open', total: 42 }], path };
  return { report: 'monthly-sales', period: '2025-10', rows: 3, path };
}

/**
 * options: clockSkewSeconds (300), jwksRefreshIntervalMs, problemBodyOn401, caeNotBefore (epoch s) or null.
 */
export async function startApi({ api, certs, fetchJson, options = {} }) {
  const settings = { clockSkewSeconds: 300, jwksRefreshIntervalMs: 5 * 60_000, problemBodyOn401: false, caeNotBefore: null, ...options };
  const cache = new JwksCache({
    jwksUri: `${ISSUER.replace('/v2.0', '')}/discovery/v2.0/keys`, fetchJson, refreshIntervalMs: settings.jwksRefreshIntervalMs,
  });
  const server = https.createServer({ cert: certs.cert, key: certs.key }, async (req, res) => {
    const cors = corsHeaders(req);
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...cors, 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'authorization, content-type, client-request-id', 'Access-Control-Max-Age': '5',
        });
        res.end();
        return;
      }
      const url = new URL(req.url, `https://${api.host}`);
      const delay = Math.min(Number(url.searchParams.get('delayMs') ?? 0), 2000);
      if (delay > 0) await sleep(delay);
      const auth = req.headers.authorization ?? '';
      if (!/^Bearer /i.test(auth)) { sendAnonymousChallenge(res, api, cors); return; }
      const result = await validateBearer(auth.slice(7).trim(), {
        cache, validAudience: api.appId, validIssuer: ISSUER, clockSkewSeconds: settings.clockSkewSeconds,
      });
      if (result.failure) { sendInvalidToken(res, result.failure, { problemBody: settings.problemBodyOn401 }, cors); return; }
      if (settings.caeNotBefore && result.claims.iat < settings.caeNotBefore) { sendClaimsChallenge(res, settings.caeNotBefore, cors); return; }
      if (!hasPermission(api, result.claims)) { sendInsufficientScope(res, api, api.delegatedScopes, cors); return; }
      sendJson(req, res, sampleData(api, url.pathname), cors);
    } catch (err) {
      console.error(`${api.name} api error`, err);
      if (!res.headersSent) { res.writeHead(500, cors); res.end(); } else res.destroy();
    }
  });
  const port = await listenLocal(server);
  return { server, port, cache, settings };
}
