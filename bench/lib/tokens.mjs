/**
 * The tokens of a synthetic sign-in: a small pool signed once with RS256 and
 * reused. One set per 50-minute window of trace time (access token for the
 * app's API, a Graph token, an ID token); sets from before the trace started
 * are expired, as a stale cache hands them out.
 */
import { readFileSync } from 'node:fs';
import { importJWK, SignJWT } from 'jose';
import { BASE64URL } from './prng.mjs';

export const WINDOW_MS = 50 * 60_000;
/** Windows from this one on are signed with the second key (a key rollover inside the trace). */
const ROLLOVER_WINDOW = 3;

const KEY_FILE = new URL('../keys/signing-keys.json', import.meta.url);

export class Identity {
  constructor(rng) {
    this.tenantId = rng.guid();
    this.clientId = rng.guid();
    this.apiClientId = rng.guid();
    this.objectId = rng.guid();
    this.name = rng.pick(['Zoë Müller', 'José Álvarez', '山田 太郎', 'Åsa Løvstad', 'Chloé Dubois']);
    this.upn = rng.pick(['zoe.muller', 'jose.alvarez', 'taro.yamada', 'asa.lovstad', 'chloe.dubois']) + '@contoso.com';
    this.authority = `https://login.microsoftonline.com/${this.tenantId}`;
    this.issuer = `${this.authority}/v2.0`;
    this.apiAudience = this.apiClientId;
    this.apiScope = `api://${this.apiClientId}/Orders.Read`;
  }
}

export class TokenPool {
  /** Call `load()` before use. */
  constructor(rng, identity, traceStart) {
    this.rng = rng;
    this.id = identity;
    this.traceStart = traceStart;
    this.sets = new Map();
  }

  async load() {
    const { keys } = JSON.parse(readFileSync(KEY_FILE, 'utf8'));
    this.keys = await Promise.all(keys.map(async (jwk) => ({ kid: jwk.kid, key: await importJWK(jwk, 'RS256'), jwk })));
    return this;
  }

  /** The public key set as Entra's discovery/v2.0/keys serves it. */
  jwks() {
    return {
      keys: this.keys.map(({ kid, jwk }) => ({
        kty: 'RSA', use: 'sig', kid, x5t: kid, n: jwk.n, e: jwk.e, x5c: [jwk.n.slice(0, 120)], issuer: this.id.issuer,
      })),
    };
  }

  windowOf(time) {
    return Math.floor((time - this.traceStart) / WINDOW_MS);
  }

  /** The token set issued for window `k` (negative: issued before the trace began). */
  async set(k) {
    let set = this.sets.get(k);
    if (!set) {
      set = await this.sign(k);
      this.sets.set(k, set);
    }
    return set;
  }

  async sign(k) {
    const rng = this.rng.fork();
    const id = this.id;
    const iat = Math.floor((this.traceStart + k * WINDOW_MS) / 1000) - 300;
    const exp = iat + rng.int(3900, 5100);
    const signer = this.keys[k >= ROLLOVER_WINDOW ? 1 : 0];
    const common = { iat, nbf: iat, exp, tid: id.tenantId, oid: id.objectId, sub: rng.chars(43, BASE64URL), uti: rng.chars(22, BASE64URL), rh: `0.A${rng.chars(60, BASE64URL)}.` };
    const sign = (header, claims) => new SignJWT(claims).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: signer.kid, ...header }).sign(signer.key);
    const access = await sign({}, {
      aud: id.apiAudience, iss: id.issuer, ...common, aio: rng.chars(80, BASE64URL), azp: id.clientId, azpacr: '0',
      name: id.name, preferred_username: id.upn, scp: 'Orders.Read Orders.Write', ver: '2.0',
    });
    const graph = await sign({ nonce: rng.chars(43, BASE64URL) }, {
      aud: '00000003-0000-0000-c000-000000000000', iss: `https://sts.windows.net/${id.tenantId}/`, ...common,
      appid: id.clientId, name: id.name, scp: 'openid profile User.Read email', unique_name: id.upn, ver: '1.0',
    });
    const nonce = rng.guid();
    const idClaims = { aud: id.clientId, iss: id.issuer, ...common, name: id.name, preferred_username: id.upn, ver: '2.0' };
    const idToken = await sign({}, { ...idClaims, nonce });
    const refreshedIdToken = await sign({}, idClaims);
    return {
      window: k, iat, exp: exp * 1000, access, graph, idToken, refreshedIdToken, nonce, state: rng.chars(120, BASE64URL),
      refresh: `1.AXEA${rng.chars(rng.int(700, 900), BASE64URL)}`,
      code: `1.AXEA${rng.chars(rng.int(600, 760), BASE64URL)}`,
      clientInfo: Buffer.from(JSON.stringify({ uid: id.objectId, utid: id.tenantId })).toString('base64url'),
    };
  }
}
