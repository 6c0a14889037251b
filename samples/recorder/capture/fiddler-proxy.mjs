// A recording HTTP(S) proxy that works the way Fiddler Classic does: CONNECT
// tunnels are sessions of their own, HTTPS inside them is decrypted with a
// local certificate, and every session keeps the request and response bytes
// as they crossed the wire (headers in their case and order, bodies still
// gzip'd and chunked) plus Fiddler's session timers and flags.
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { listenLocal, closeServer } from '../lib/net-util.mjs';

const CRLF = '\r\n';
// Sub-millisecond wall-clock time, so session timers have .NET's 7-digit precision.
const now = () => performance.timeOrigin + performance.now();

function rawHead(startLine, rawHeaders) {
  let s = startLine + CRLF;
  for (let i = 0; i < rawHeaders.length; i += 2) s += `${rawHeaders[i]}: ${rawHeaders[i + 1]}${CRLF}`;
  return s + CRLF;
}

function isChunked(rawHeaders) {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === 'transfer-encoding' && /chunked/i.test(rawHeaders[i + 1])) return true;
  }
  return false;
}

function headerOf(rawHeaders, name) {
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === name) return rawHeaders[i + 1];
  return '';
}

export async function startFiddlerProxy({ hostMap, certs, processFor = () => '' }) {
  const sessions = [];
  let nextId = 1;
  const upstreamAgent = new https.Agent({ keepAlive: true, ca: certs.ca });

  function forward(req, res, { scheme, host, port, clientSocket, tunnel }) {
    const t = { ClientConnected: tunnel?.connectedAt ?? req.socket.connectedAt ?? now(), ClientBeginRequest: now(), GotRequestHeaders: now() };
    const session = { id: nextId++, kind: 'request', bitFlags: scheme === 'https' ? '219' : '218', timers: t };
    sessions.push(session);
    const url = `${scheme}://${req.headers.host ?? host}${scheme === 'http' ? new URL(req.url).pathname + new URL(req.url).search : req.url}`;
    const body = [];
    req.on('data', (c) => body.push(c));
    req.on('end', () => {
      t.ClientDoneRequest = now();
      const reqBody = Buffer.concat(body);
      session.requestRaw = Buffer.concat([Buffer.from(rawHead(`${req.method} ${url} HTTP/${req.httpVersion}`, req.rawHeaders)), reqBody]);
      const headers = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const k = req.rawHeaders[i];
        if (!/^(proxy-connection|proxy-authorization)$/i.test(k)) headers[k] = req.rawHeaders[i + 1];
      }
      const target = scheme === 'https' ? { host: '127.0.0.1', port: hostMap.portFor(host), servername: host, agent: upstreamAgent }
        : { host: '127.0.0.1', port };
      t.FiddlerBeginRequest = now();
      const up = (scheme === 'https' ? https : http).request({ ...target, method: req.method, path: scheme === 'http' ? new URL(req.url).pathname + new URL(req.url).search : req.url, headers }, (upRes) => {
        t.ServerBeginResponse = now();
        t.GotResponseHeaders = now();
        const chunked = isChunked(upRes.rawHeaders);
        const head = rawHead(`HTTP/${upRes.httpVersion} ${upRes.statusCode} ${upRes.statusMessage}`, upRes.rawHeaders);
        const wire = [Buffer.from(head)];
        let bodyBytes = 0;
        res.writeHead(upRes.statusCode, upRes.statusMessage, upRes.rawHeaders);
        t.ClientBeginResponse = now();
        upRes.on('data', (c) => {
          bodyBytes += c.length;
          wire.push(chunked ? Buffer.concat([Buffer.from(`${c.length.toString(16)}${CRLF}`), c, Buffer.from(CRLF)]) : c);
          res.write(c);
        });
        upRes.on('end', () => {
          t.ServerDoneResponse = now();
          if (chunked) wire.push(Buffer.from(`0${CRLF}${CRLF}`));
          session.responseRaw = Buffer.concat(wire);
          res.end(() => {
            t.ClientDoneResponse = now();
            session.flags = [
              ['x-egressport', String(up.socket?.localPort ?? '')],
              ['x-responsebodytransferlength', String(bodyBytes)],
              ['x-clientport', String(clientSocket.remotePort ?? '')],
              ['x-clientip', '127.0.0.1'],
              ['x-hostip', '127.0.0.1'],
              ['x-processinfo', processFor(req)],
            ];
            session.summary = {
              result: upRes.statusCode, protocol: scheme.toUpperCase(), host, url: req.url.startsWith('http') ? new URL(req.url).pathname + new URL(req.url).search : req.url,
              body: bodyBytes, caching: headerOf(upRes.rawHeaders, 'cache-control'), contentType: headerOf(upRes.rawHeaders, 'content-type'), process: processFor(req),
            };
            session.done = true;
          });
        });
      });
      up.on('socket', (s) => {
        const connected = () => { t.ServerConnected = now(); };
        if (s.connecting) s.once(scheme === 'https' ? 'secureConnect' : 'connect', connected); else connected();
      });
      up.on('finish', () => { t.ServerGotRequest = now(); });
      up.on('error', (err) => { session.error = err.message; session.done = true; res.destroy(); });
      up.end(reqBody);
    });
  }

  const inner = http.createServer();
  inner.on('request', (req, res) => forward(req, res, req.socket.sampleTunnel));

  const proxy = http.createServer((req, res) => {
    // Plain-HTTP proxy request (absolute URI), e.g. the loopback redirect of a native app.
    const u = new URL(req.url);
    if (!['localhost', '127.0.0.1'].includes(u.hostname)) { res.writeHead(502); res.end(); return; }
    forward(req, res, { scheme: 'http', host: u.hostname, port: Number(u.port || 80), clientSocket: req.socket });
  });
  proxy.on('connect', (req, clientSocket, head) => {
    const [host] = req.url.split(':');
    // Only the sample hosts exist here; anything else (browser update checks...) is refused unrecorded.
    if (!hostMap.ports.has(host)) { clientSocket.end(`HTTP/1.1 502 Bad Gateway${CRLF}Connection: close${CRLF}${CRLF}`); return; }
    const tunnel = { id: nextId++, kind: 'tunnel', bitFlags: '2300', timers: { ClientConnected: now(), ClientBeginRequest: now(), GotRequestHeaders: now(), ClientDoneRequest: now() } };
    sessions.push(tunnel);
    tunnel.requestRaw = Buffer.from(rawHead(`CONNECT ${req.url} HTTP/${req.httpVersion}`, req.rawHeaders));
    clientSocket.write(`HTTP/1.1 200 Connection Established${CRLF}FiddlerGateway: Direct${CRLF}${CRLF}`);
    const tlsSocket = new tls.TLSSocket(clientSocket, { isServer: true, cert: certs.cert, key: certs.key, ALPNProtocols: ['http/1.1'] });
    if (head?.length) clientSocket.unshift(head);
    tunnel.host = host;
    tlsSocket.sampleTunnel = { scheme: 'https', host, clientSocket, tunnel: { connectedAt: tunnel.timers.ClientConnected } };
    tlsSocket.once('secure', () => {
      tunnel.tls = { protocol: tlsSocket.getProtocol(), cipher: tlsSocket.getCipher()?.standardName, sni: tlsSocket.servername };
      tunnel.clientPort = clientSocket.remotePort;
      tunnel.process = processFor({ headers: req.headers });
    });
    tlsSocket.on('close', () => { tunnel.timers.ClientDoneResponse = now(); tunnel.done = true; });
    tlsSocket.on('error', () => {});
    inner.emit('connection', tlsSocket);
  });
  const port = await listenLocal(proxy);
  return {
    port,
    proxyUrl: `http://127.0.0.1:${port}`,
    sessions,
    async stop() {
      await closeServer(proxy);
      inner.closeAllConnections?.();
      upstreamAgent.destroy();
    },
  };
}
