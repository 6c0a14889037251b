// How the sample APIs answer, in ASP.NET Core's wire formats: Bearer
// challenges in WWW-Authenticate, RFC 7807 problem+json bodies, gzip'd and
// chunked JSON for successful calls.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { AUTHORITY } from '../lib/tenant.mjs';

const quote = (v) => `"${String(v).replace(/[\r\n]+/g, ' ').replace(/"/g, "'")}"`;

function problem(status, title, detail) {
  return {
    type: status === 401 ? 'https://tools.ietf.org/html/rfc9110#section-15.5.2' : 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
    title,
    status,
    detail,
    traceId: `00-${crypto.randomBytes(16).toString('hex')}-${crypto.randomBytes(8).toString('hex')}-00`,
  };
}

function sendProblem(res, status, challenge, title, detail, cors) {
  const body = JSON.stringify(problem(status, title, detail));
  res.writeHead(status, {
    'Content-Type': 'application/problem+json; charset=utf-8', 'WWW-Authenticate': challenge, ...cors,
  });
  res.end(body);
}

/** No token at all: the resource tells the client where to get one. */
export function sendAnonymousChallenge(res, api, cors) {
  res.writeHead(401, {
    'WWW-Authenticate': `Bearer realm="", authorization_uri="${AUTHORITY}/oauth2/v2.0/authorize", client_id="${api.appId}"`,
    'Content-Length': '0', ...cors,
  });
  res.end();
}

/** Token refused: IDX text in error_description; optionally the same text as problem+json. */
export function sendInvalidToken(res, failure, { problemBody }, cors) {
  const challenge = `Bearer error="invalid_token", error_description=${quote(failure.text)}`;
  if (problemBody) { sendProblem(res, 401, challenge, 'Unauthorized', failure.text, cors); return; }
  res.writeHead(401, { 'WWW-Authenticate': challenge, 'Content-Length': '0', ...cors });
  res.end();
}

export function sendInsufficientScope(res, api, required, cors) {
  const scopes = required.map((s) => `${api.appIdUri}/${s}`).join(' ');
  const detail = `IDW10203: The 'scope' or 'scp' claim does not contain scopes '${required.join(',')}' or was not found.`;
  const challenge = `Bearer error="insufficient_scope", error_description=${quote(detail)}, scope="${scopes}"`;
  sendProblem(res, 403, challenge, 'Forbidden', detail, cors);
}

/** CAE: the resource wants a token issued after `notBefore` (epoch seconds). */
export function sendClaimsChallenge(res, notBefore, cors) {
  const claims = Buffer.from(JSON.stringify({ access_token: { nbf: { essential: true, value: String(notBefore) } } })).toString('base64');
  res.writeHead(401, {
    'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${claims}"`,
    'Content-Length': '0', ...cors,
  });
  res.end();
}

/** 200 JSON; gzip'd and chunked when the client accepts gzip, as Kestrel with response compression does. */
export function sendJson(req, res, data, cors) {
  const text = Buffer.from(JSON.stringify(data));
  const headers = { 'Content-Type': 'application/json; charset=utf-8', ...cors };
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Transfer-Encoding': 'chunked' });
    const gz = zlib.createGzip();
    gz.pipe(res);
    gz.end(text);
  } else {
    res.writeHead(200, { ...headers, 'Content-Length': text.length });
    res.end(text);
  }
}
