// Serves the sample SPA as https://app.contoso.example on 127.0.0.1. The page
// references a web font and a logo that the server does not have, as real
// sites do, so traces carry ordinary 404s that must not be reported.
import fs from 'node:fs';
import https from 'node:https';
import { AUTHORITY, SPA_CLIENT } from '../lib/tenant.mjs';
import { listenLocal } from '../lib/net-util.mjs';

const clientJs = fs.readFileSync(new URL('./spa-client.js', import.meta.url), 'utf8');

function indexHtml(config) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Contoso Orders</title>
<link rel="stylesheet" href="/site.css">
<script>window.SPA_CONFIG = ${JSON.stringify(config)};</script>
<script src="/app.js" defer></script>
</head><body data-state="loading">
<header><img src="/img/contoso-logo.png" alt="Contoso" width="120" height="32"><h1>Contoso Orders</h1></header>
<main id="main"><p>Orders for your account appear here.</p></main>
</body></html>`;
}

const css = `@font-face { font-family: "Contoso Sans"; src: url("/fonts/contoso-sans.woff2") format("woff2"); }
body { font-family: "Contoso Sans", system-ui, sans-serif; margin: 2em; }`;

export async function startSpa({ certs }) {
  const config = { authority: AUTHORITY, clientId: SPA_CLIENT.clientId, redirectUri: SPA_CLIENT.redirectUri };
  const server = https.createServer({ cert: certs.cert, key: certs.key }, (req, res) => {
    const path = new URL(req.url, 'https://app').pathname;
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      res.end(body);
    };
    if (path === '/' || path === '/index.html') send(200, 'text/html; charset=utf-8', indexHtml(config));
    else if (path === '/app.js') send(200, 'text/javascript; charset=utf-8', clientJs);
    else if (path === '/site.css') send(200, 'text/css; charset=utf-8', css);
    else send(404, 'text/html; charset=utf-8', '<!DOCTYPE html><title>404 Not Found</title><h1>Not Found</h1>');
  });
  const port = await listenLocal(server);
  return { server, port };
}
