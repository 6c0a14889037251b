// Runs oidc-provider on an internal plain-HTTP port that only the Entra-shaped
// front talks to. Key rollover builds a new Provider with the new key first
// (it signs) and the old key still published; sessions, codes and refresh
// tokens survive because oidc-provider's memory adapter storage is shared.
import http from 'node:http';
import Provider from 'oidc-provider';
import { ISSUER, TENANT_ID } from '../lib/tenant.mjs';
import { listenLocal } from '../lib/net-util.mjs';
import { providerConfiguration } from './provider-config.mjs';
import { newSigningKey } from './signing-keys.mjs';

export class InternalProvider {
  constructor({ accessTokenTTL, nativeRedirectUri }) {
    this.accessTokenTTL = accessTokenTTL;
    this.nativeRedirectUri = nativeRedirectUri;
    this.keys = [newSigningKey()];
    this.provider = this.#build();
    this.mount = `/${TENANT_ID}`;
  }

  #build() {
    const provider = new Provider(ISSUER, providerConfiguration({ signingKeys: this.keys, accessTokenTTL: this.accessTokenTTL, nativeRedirectUri: this.nativeRedirectUri }));
    provider.proxy = true;
    // Keep the recorder's console quiet: provider errors are visible in the traces.
    provider.on('server_error', (ctx, err) => console.error('idp server_error', err.message));
    provider.on('grant.error', (ctx, err) => { if (process.env.SAMPLE_IDP_DEBUG) console.error('idp grant.error', err.error_detail ?? err.message); });
    return provider;
  }

  get activeKid() { return this.keys[0].kid; }

  rotate() {
    const oldKid = this.activeKid;
    this.keys = [newSigningKey(), ...this.keys].slice(0, 2);
    this.provider = this.#build();
    return { oldKid, newKid: this.activeKid };
  }

  async start() {
    this.server = http.createServer((req, res) => {
      req.originalUrl = req.url;
      if (req.url.startsWith(`${this.mount}/`)) req.url = req.url.slice(this.mount.length);
      this.provider.callback()(req, res);
    });
    this.port = await listenLocal(this.server);
    return this.port;
  }
}
