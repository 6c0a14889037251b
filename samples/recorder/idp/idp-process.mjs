// Entry point of the IdP child process (started with the clock-offset
// preload). Config comes as JSON in SAMPLE_IDP_CONFIG; prints
// "IDP_READY front=<port> admin=<port>" once listening on 127.0.0.1.
import https from 'node:https';
import http from 'node:http';
import fs from 'node:fs';
import { listenLocal, readAll } from '../lib/net-util.mjs';
import { InternalProvider } from './internal-provider.mjs';
import { createFrontHandler } from './entra-front.mjs';
import { publicJwk } from './signing-keys.mjs';

const config = JSON.parse(process.env.SAMPLE_IDP_CONFIG);
const internal = new InternalProvider({ accessTokenTTL: config.accessTokenTTL ?? 3600, nativeRedirectUri: config.nativeRedirectUri });
await internal.start();

const state = {
  internal,
  policy: { caPolicyId: '8d3f4a21-6b7c-4e9d-a0f1-2c3b4d5e6f70', ...(config.policy ?? {}) },
  registeredCerts: config.registeredCerts ?? [],
};

const front = https.createServer({ cert: fs.readFileSync(config.certPath), key: fs.readFileSync(config.keyPath) }, createFrontHandler(state));
const frontPort = await listenLocal(front);

// Control channel for the recorder only (never part of a trace).
const admin = http.createServer(async (req, res) => {
  const body = req.method === 'POST' ? JSON.parse((await readAll(req)).toString() || '{}') : {};
  let out;
  if (req.url === '/rotate') out = internal.rotate();
  else if (req.url === '/policy') { Object.assign(state.policy, body); out = state.policy; }
  else if (req.url === '/keys') out = { activeKid: internal.activeKid, keys: internal.keys.map(publicJwk) };
  else if (req.url === '/clock') out = { now: Date.now() };
  res.writeHead(out ? 200 : 404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(out ?? { error: 'not found' }));
});
const adminPort = await listenLocal(admin);
console.log(`IDP_READY front=${frontPort} admin=${adminPort}`);
